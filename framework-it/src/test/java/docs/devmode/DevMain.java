package docs.devmode;

import dev.brisk.DevMode;

public final class DevMain {
    public static void main(String[] args) {
        DevMode.run(Main.class, args);   // Main.main builds the app and calls App.run(8000)
    }
}
