package dev.propsops.cloudrun;

import java.util.List;
import java.util.Map;

/**
 * The Cloud Run services and jobs of one project and region, from the Admin API v2 or from the JSON gcloud
 * prints. Each method is a few calls however many revisions and executions there are: services are one
 * paged list plus one read per serving revision, jobs one paged list (a job carries its latest execution).
 */
public interface CloudRunReader {
    /** What is read, for reports and errors: "Cloud Run Admin API (project p, region r)", or the file. */
    String describe();

    List<Service> services();

    List<Job> jobs();

    /** Revisions per service (all revisions of the region, one paged list); empty when the source has none. */
    Map<String, Long> revisionCounts();
}
