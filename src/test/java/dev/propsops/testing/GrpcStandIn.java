package dev.propsops.testing;

import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.HandlerRegistry;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server on a loopback port standing in for a gRPC-only Google API (Cloud Logging, Cloud
 * Monitoring, Firestore) in tests: it serves the generated {@code *ImplBase} services it is given, answers
 * every other method with a chosen status, and records the full names of the methods called. Clients reach
 * it with {@code ops.gcp.<api>.endpoint=http://127.0.0.1:PORT} (plain text, no credentials).
 */
public final class GrpcStandIn implements AutoCloseable {
    private final Server server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile Status unknownMethods = Status.UNIMPLEMENTED;

    public GrpcStandIn(BindableService... services) {
        ServerBuilder<?> builder = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create());
        for (BindableService s : services) {
            builder.addService(s);
        }
        builder.fallbackHandlerRegistry(new HandlerRegistry() {
            @Override
            public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
                return failing(methodName);
            }
        });
        builder.intercept(new io.grpc.ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                calls.add(call.getMethodDescriptor().getFullMethodName());
                return next.startCall(call, headers);
            }
        });
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What every method without a service answers (default UNIMPLEMENTED). */
    public GrpcStandIn answerUnknownMethodsWith(Status status) {
        this.unknownMethods = status;
        return this;
    }

    public int port() {
        return server.getPort();
    }

    /** The value of {@code ops.gcp.<api>.endpoint} that points a client here. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** Full method names called so far, in order, e.g. google.logging.v2.LoggingServiceV2/ListLogEntries. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServerMethodDefinition<InputStream, InputStream> failing(String fullName) {
        MethodDescriptor<InputStream, InputStream> method = MethodDescriptor.<InputStream, InputStream>newBuilder()
                .setFullMethodName(fullName).setType(MethodDescriptor.MethodType.UNKNOWN)
                .setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();
        ServerCallHandler<InputStream, InputStream> handler = (call, headers) -> {
            call.close(unknownMethods, new Metadata());
            return new ServerCall.Listener<>() {
            };
        };
        return ServerMethodDefinition.create(method, handler);
    }

    private static final MethodDescriptor.Marshaller<InputStream> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(InputStream value) {
            return value;
        }

        @Override
        public InputStream parse(InputStream stream) {
            try {
                return new ByteArrayInputStream(stream.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
}
