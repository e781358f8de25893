package dev.propsops.repo.drift;

import dev.propsops.cloudrun.Job;
import dev.propsops.cloudrun.Service;
import dev.propsops.repo.servicemap.ServiceEntry;
import dev.propsops.repo.servicemap.ServiceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What Cloud Run has, as one run read it, matched with the service map.
 *
 * @param source what was read, for the report: "Cloud Run Admin API (project p, region r)", "gcloud export FILE"
 * @param where how a verdict names it: "Cloud Run (project p)", "the export"
 * @param servicesRead false when the source had no services at all (a jobs export only): not "none deployed"
 */
public record Deployed(String source, String where, List<Service> services, boolean servicesRead, List<Job> jobs, boolean jobsRead) {
    public Deployed {
        services = List.copyOf(services);
        jobs = List.copyOf(jobs);
    }

    /** A verdict for every entry of the map, then one for everything that runs but is neither in the map nor external. */
    public List<UnitCheck> check(ServiceMap map, String defaultRegion, DriftChecker checker) {
        List<UnitCheck> units = new ArrayList<>();
        for (ServiceEntry e : map.entries()) {
            units.add(e.kind() == ServiceEntry.Kind.SERVICE
                    ? judge(e, defaultRegion, servicesRead, services, Service::name, Service::region, checker::service,
                            "gcloud run services list --format=json")
                    : judge(e, defaultRegion, jobsRead, jobs, Job::name, Job::region, checker::job, "gcloud run jobs list --format=json"));
        }
        strays(map, services, Service::name, Service::region, ServiceEntry.Kind.SERVICE, units);
        strays(map, jobs, Job::name, Job::region, ServiceEntry.Kind.JOB, units);
        return units;
    }

    private <T> UnitCheck judge(ServiceEntry e, String defaultRegion, boolean read, List<T> all, Function<T, String> name,
            Function<T, String> region, BiFunction<ServiceEntry, T, UnitCheck> check, String export) {
        String wanted = e.region().orElse(defaultRegion);
        if (!read) {
            return DriftChecker.notChecked(e, wanted, "not checked: the export has no " + e.kind().key() + "s",
                    "add `" + export + "` output to --from-export");
        }
        List<T> named = all.stream().filter(x -> name.apply(x).equals(e.name())).toList();
        // in the entry's own region when it names one (an export may not say the region), else preferably the default one
        Optional<T> found = e.region().isPresent()
                ? named.stream().filter(x -> region.apply(x).isEmpty() || region.apply(x).equals(e.region().get())).findFirst()
                : named.stream().filter(x -> region.apply(x).equals(defaultRegion)).findFirst().or(() -> named.stream().findFirst());
        return found.map(x -> check.apply(e, x)).orElseGet(() -> DriftChecker.notDeployed(e, wanted, where));
    }

    private static <T> void strays(ServiceMap map, List<T> all, Function<T, String> name, Function<T, String> region,
            ServiceEntry.Kind kind, List<UnitCheck> units) {
        for (T x : all) {
            if (map.find(name.apply(x), kind).isEmpty() && !map.external(name.apply(x))) {
                units.add(DriftChecker.notInMap(name.apply(x), kind, region.apply(x), map.source()));
            }
        }
    }
}
