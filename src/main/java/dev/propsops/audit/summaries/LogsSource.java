package dev.propsops.audit.summaries;

import dev.propsops.logs.report.TriageReport;
import dev.propsops.logs.source.Window;

/** log-triage's report on a window, made by its own service (Cloud Logging, or an export's logs.json). */
public interface LogsSource {
    TriageReport triage(Window window);
}
