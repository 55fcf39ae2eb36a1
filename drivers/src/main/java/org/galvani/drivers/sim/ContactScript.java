package org.galvani.drivers.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.galvani.trace.Implements;

/**
 * When the electrodes are attached, as a script in simulated time: attached from the start, then
 * detached and re-attached at the scripted moments (a hand lifted out of the basin, a patch peeling).
 * Immutable.
 */
@Implements("SRS-DRV-003")
public final class ContactScript {

    private final List<Change> changes;
    /** The same changes as an array: {@link #attachedAt} runs every tick and must not allocate an iterator. */
    private final Change[] timeline;

    private ContactScript(List<Change> changes) {
        this.changes = Collections.unmodifiableList(changes);
        this.timeline = changes.toArray(new Change[0]);
    }

    private static final ContactScript ALWAYS_ATTACHED = new ContactScript(List.of());

    /** Attached all the time. */
    public static ContactScript alwaysAttached() {
        return ALWAYS_ATTACHED;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the electrodes are attached at {@code timeMicros}. */
    public boolean attachedAt(long timeMicros) {
        boolean attached = true;
        for (int i = 0; i < timeline.length && timeline[i].atMicros() <= timeMicros; i++) {
            attached = timeline[i].attached();
        }
        return attached;
    }

    /** The scripted changes, in time order. */
    public List<Change> changes() {
        return changes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactScript script && script.changes.equals(changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    @Override
    public String toString() {
        return "ContactScript" + changes;
    }

    /** One scripted change: from {@code atMicros} on, the electrodes are (de)tached. */
    public record Change(long atMicros, boolean attached) {
    }

    /** Collects changes; they must be given in increasing time. */
    public static final class Builder {
        private final List<Change> changes = new ArrayList<>();

        private Builder() {
        }

        public Builder detachAt(long atMicros) {
            return add(new Change(atMicros, false));
        }

        public Builder attachAt(long atMicros) {
            return add(new Change(atMicros, true));
        }

        private Builder add(Change change) {
            if (change.atMicros() < 0) {
                throw new IllegalArgumentException("contact script: time must not be negative, was "
                        + change.atMicros() + " us");
            }
            if (!changes.isEmpty() && changes.get(changes.size() - 1).atMicros() >= change.atMicros()) {
                throw new IllegalArgumentException("contact script: changes must be in increasing time; "
                        + change.atMicros() + " us comes after " + changes.get(changes.size() - 1).atMicros() + " us");
            }
            changes.add(change);
            return this;
        }

        public ContactScript build() {
            return new ContactScript(new ArrayList<>(changes));
        }
    }
}
