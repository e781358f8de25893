package dev.propsops.audit.bigquery;

import java.util.List;

/**
 * One query shape over the window: how often it ran, the bytes billed, who ran it (up to five names, and how
 * many), and its most expensive job with that job's text.
 */
public record ShapeCost(String shape, long runs, long bytesBilled, long userCount, List<String> users, String topJobId,
        String topQuery) {
    public ShapeCost {
        users = List.copyOf(users);
    }
}
