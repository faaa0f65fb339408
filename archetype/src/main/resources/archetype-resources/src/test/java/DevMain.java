package ${package};

import dev.brisk.DevMode;

/**
 * Runs the app in dev mode from the IDE: start this class, edit, let the IDE rebuild, and the next
 * request sees the change (the port stays bound). From a terminal, {@code mvn brisk:dev} does the same.
 */
public final class DevMain {
    private DevMain() {
    }

    public static void main(String[] args) {
        DevMode.run(Main.class, args);
    }
}
