package dev.brisk.examples;

import dev.brisk.App;
import dev.brisk.examples.bench.BenchApp;
import dev.brisk.examples.hello.HelloApp;
import dev.brisk.examples.shop.ShopApp;
import dev.brisk.examples.tour.TourApp;
import dev.brisk.examples.tour.TourOptions;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs an example app: {@code java -jar examples/target/brisk-examples.jar <app> [--port N]}, or writes
 * its OpenAPI document: {@code java -jar examples/target/brisk-examples.jar openapi <app> <file>}.
 */
public final class Main {
    private static final Map<String, Supplier<App>> APPS = Map.of(
            "hello", HelloApp::app,
            "bench", BenchApp::app,
            "shop", ShopApp::app,
            "tour", TourApp::app);

    private Main() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 3 && args[0].equals("openapi") && APPS.containsKey(args[1])) {   // openapi <app> <file>
            ExportOpenApi.write(APPS.get(args[1]).get(), java.nio.file.Path.of(args[2]));
            return;
        }
        if (args.length == 0 || !APPS.containsKey(args[0])) {
            System.err.println("usage: java -jar brisk-examples.jar <" + String.join("|", APPS.keySet().stream().sorted().toList())
                    + "> [--port N]\n       java -jar brisk-examples.jar tour [--port N] [--cache redis://host:port] [--static DIR]"
                    + "\n       java -jar brisk-examples.jar openapi <app> <file>   (writes the app's OpenAPI document)");
            System.exit(2);
        }
        Integer port = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) port = Integer.parseInt(args[++i]);
        }
        if (args[0].equals("tour")) {   // settings from the environment (TOUR_*), options from the command line, which wins
            var settings = TourApp.settings();
            TourApp.app(settings, TourOptions.parse(args)).run(port != null ? port : settings.port());
            return;
        }
        APPS.get(args[0]).get().run(port != null ? port : 8000);
    }
}
