package dev.propsops.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Facts about the classes on the image class path, read from the jars' bytes (ASM) without loading anything: the
 * service providers they declare, static initializers that must not run while the image is built, how picocli and
 * JGit use reflection. These are the inputs the native configuration has to cover.
 */
final class ImageClasses {
    private ImageClasses() {
    }

    /** Every provider class named in META-INF/services/{service} of every jar, with the jar that names it. */
    static Map<String, String> serviceProviders(List<Path> jars, String service) throws IOException {
        Map<String, String> providers = new LinkedHashMap<>();
        for (Path jar : jars) {
            try (JarFile j = new JarFile(jar.toFile())) {
                JarEntry e = j.getJarEntry("META-INF/services/" + service);
                if (e == null) {
                    continue;
                }
                try (InputStream in = j.getInputStream(e)) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String name = line.replaceAll("#.*", "").trim();
                        if (!name.isEmpty()) {
                            providers.put(name, jar.getFileName().toString());
                        }
                    }
                }
            }
        }
        return providers;
    }

    /** A static initializer doing something that must happen when the binary runs, not once at image build time. */
    record StaticInitHazard(String className, String what, String jar) {
    }

    /**
     * Classes whose static initializer creates a Random, SecureRandom or SplittableRandom (native-image refuses those
     * in the image heap: their seed would be the same in every run), draws a random UUID (the same in every run), or
     * starts a thread (not allowed at build time).
     */
    static List<StaticInitHazard> staticInitHazards(Path jar) throws IOException {
        List<StaticInitHazard> found = new ArrayList<>();
        String jarName = jar.getFileName().toString();
        forEachClass(jar, (name, reader) -> reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String desc, String sig, String[] ex) {
                if (!method.equals("<clinit>")) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.NEW && List.of("java/util/Random", "java/security/SecureRandom",
                                "java/util/SplittableRandom").contains(type)) {
                            found.add(new StaticInitHazard(name, "new " + type.replace('/', '.'), jarName));
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String m, String d, boolean itf) {
                        if ((owner.equals("java/lang/Thread") && m.equals("start")) || m.equals("prestartAllCoreThreads")
                                || (owner.equals("java/util/UUID") && m.equals("randomUUID"))) {
                            found.add(new StaticInitHazard(name, owner.replace('/', '.') + "." + m + "()", jarName));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES));
        return found;
    }

    /**
     * JGit's {@code Config.getEnum(section, subsection, name, defaultValue)} finds the enum's constants by calling
     * {@code values()} through reflection on the default's class. Returns the enum types passed as that default (the
     * constant loaded right before the call, or else the type the result is cast to right after it), and the call
     * sites where neither tells.
     */
    static Map<String, List<String>> jgitConfigEnums(Path jgitJar) throws IOException {
        String reflective = "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/Enum;)Ljava/lang/Enum;";
        TreeSet<String> enums = new TreeSet<>();
        List<String> unresolved = new ArrayList<>();
        forEachClass(jgitJar, (name, reader) -> {
            if (name.equals("org.eclipse.jgit.lib.Config")) {
                return; // the implementation itself
            }
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String desc, String sig, String[] ex) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        private String lastStaticFieldType;
                        private boolean castDecides;

                        private void other() {
                            if (castDecides) {
                                unresolved.add(name + "." + method);
                                castDecides = false;
                            }
                            lastStaticFieldType = null;
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String d) {
                            other();
                            lastStaticFieldType = opcode == Opcodes.GETSTATIC && d.equals("L" + owner + ";")
                                    ? Type.getType(d).getClassName() : null;
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String m, String d, boolean itf) {
                            String before = lastStaticFieldType;
                            other();
                            if (m.equals("getEnum") && d.equals(reflective)) {
                                if (before != null) {
                                    enums.add(before);
                                } else {
                                    castDecides = true;
                                }
                            }
                        }

                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            if (castDecides && opcode == Opcodes.CHECKCAST) {
                                enums.add(Type.getObjectType(type).getClassName());
                                castDecides = false;
                            }
                            other();
                        }

                        @Override
                        public void visitInsn(int opcode) {
                            other();
                        }

                        @Override
                        public void visitVarInsn(int opcode, int var) {
                            other();
                        }

                        @Override
                        public void visitLdcInsn(Object value) {
                            other();
                        }

                        @Override
                        public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                            other();
                        }

                        @Override
                        public void visitEnd() {
                            other();
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        });
        return Map.of("enums", List.copyOf(enums), "unresolved", unresolved);
    }

    /** How the CLI's classes use picocli: what quarkus-picocli must have registered for reflection. */
    record PicocliUse(TreeSet<String> commands, TreeSet<String> mixins, TreeSet<String> optionHolders,
            TreeSet<String> converters, TreeSet<String> pathOptions) {
    }

    static PicocliUse picocliUse(Path appJar, String packagePrefix) throws IOException {
        PicocliUse use = new PicocliUse(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        String command = "Lpicocli/CommandLine$Command;";
        String mixin = "Lpicocli/CommandLine$Mixin;";
        List<String> options = List.of("Lpicocli/CommandLine$Option;", "Lpicocli/CommandLine$Parameters;");
        forEachClass(appJar, (name, reader) -> {
            if (!name.startsWith(packagePrefix)) {
                return;
            }
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                    if (desc.equals(command)) {
                        use.commands().add(name);
                    }
                    return null;
                }

                @Override
                public FieldVisitor visitField(int access, String field, String desc, String sig, Object value) {
                    return new FieldVisitor(Opcodes.ASM9) {
                        @Override
                        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                            if (annotation.equals(mixin)) {
                                use.mixins().add(Type.getType(desc).getClassName());
                            }
                            if (!options.contains(annotation)) {
                                return null;
                            }
                            // a class with options, whether a command, an @Mixin field's type or a mixin added in code
                            use.optionHolders().add(name);
                            if (desc.equals("Ljava/nio/file/Path;") || (sig != null && sig.contains("Ljava/nio/file/Path;"))) {
                                use.pathOptions().add(name + "." + field);
                            }
                            return new AnnotationVisitor(Opcodes.ASM9) {
                                @Override
                                public AnnotationVisitor visitArray(String attribute) {
                                    if (!attribute.equals("converter")) {
                                        return null;
                                    }
                                    return new AnnotationVisitor(Opcodes.ASM9) {
                                        @Override
                                        public void visit(String n, Object v) {
                                            use.converters().add(((Type) v).getClassName());
                                        }
                                    };
                                }
                            };
                        }
                    };
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        });
        return use;
    }

    private interface ClassConsumer {
        void accept(String className, ClassReader reader) throws IOException;
    }

    private static void forEachClass(Path jar, ClassConsumer consumer) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> en = j.entries(); en.hasMoreElements();) {
                JarEntry e = en.nextElement();
                String n = e.getName();
                // multi-release variants and module descriptors are not classes of their own here
                if (!n.endsWith(".class") || n.startsWith("META-INF/") || n.endsWith("module-info.class")) {
                    continue;
                }
                try (InputStream in = j.getInputStream(e)) {
                    consumer.accept(n.substring(0, n.length() - 6).replace('/', '.'), new ClassReader(in.readAllBytes()));
                }
            }
        }
    }
}
