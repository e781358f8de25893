package dev.propsops.repo.servicemap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One Cloud Run service or job of the service map: its Dockerfile and the source paths its image is built
 * from (paths end with {@code /} for a directory; the Dockerfile always counts as a path).
 *
 * @param dockerfile empty when the entry names none or several (a problem of the map, see {@link MapProblem})
 * @param region the entry's own region, when it is not the run's
 * @param commitEnv the entry's own commit variable, when it is not {@code --commit-env}
 * @param line where the entry starts in the map
 */
public record ServiceEntry(String name, Kind kind, Optional<String> dockerfile, List<String> paths, Optional<String> region,
        Optional<String> commitEnv, int line) {
    public ServiceEntry {
        paths = List.copyOf(paths);
    }

    public enum Kind {
        SERVICE,
        JOB;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The paths whose history makes the image: the listed ones and the Dockerfile, without repeats. */
    public List<String> trackedPaths() {
        LinkedHashSet<String> all = new LinkedHashSet<>(paths);
        dockerfile.ifPresent(all::add);
        return new ArrayList<>(all);
    }

    /** "service prediction-worker", "job props-ops-nba-drift-check". */
    public String describe() {
        return kind.key() + " " + name;
    }
}
