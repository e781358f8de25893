package dev.propsops.staging;

import java.util.Optional;

/** How reading one dataset went: its table count, or the error and its fix (e.g. the IAM role to grant). */
public record DatasetResult(String dataset, Status status, int tables, Optional<String> error, Optional<String> fix) {
    public enum Status {
        OK("ok"),
        FAILED("failed"),
        /** In an offline run: the sport has it but the inventory file does not. */
        NOT_IN_INVENTORY("not_in_inventory");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static DatasetResult ok(String dataset, int tables) {
        return new DatasetResult(dataset, Status.OK, tables, Optional.empty(), Optional.empty());
    }

    public static DatasetResult failed(String dataset, String error, Optional<String> fix) {
        return new DatasetResult(dataset, Status.FAILED, 0, Optional.of(error), fix);
    }

    public static DatasetResult notInInventory(String dataset) {
        return new DatasetResult(dataset, Status.NOT_IN_INVENTORY, 0, Optional.empty(), Optional.empty());
    }
}
