package dev.tasklens.emulators.archfixture;

import dev.tasklens.tencent.mps.MpsTaskSource;

/** Wrong on purpose: an emulator that learns the wire format from our own adapter. */
public final class EmulatorReadingAnAdapter {

    /**
     * Uses the adapter.
     *
     * @return the adapter's class name
     */
    public String peek() {
        return MpsTaskSource.class.getName();
    }
}
