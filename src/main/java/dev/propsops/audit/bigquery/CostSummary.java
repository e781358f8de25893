package dev.propsops.audit.bigquery;

import java.util.List;

/** The billed query jobs of a window: the most expensive shapes, and the totals over all of them. */
public record CostSummary(List<ShapeCost> top, long runs, long bytesBilled, long shapes) {
    public CostSummary {
        top = List.copyOf(top);
    }
}
