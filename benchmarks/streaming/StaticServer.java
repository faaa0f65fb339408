import dev.brisk.App;

import java.nio.file.Path;

/** Serves a folder at /static with Brisk: java -cp <brisk classpath> StaticServer.java DIR PORT LOOPS */
public class StaticServer {
    public static void main(String[] args) {
        App.builder().docs(false).eventLoops(Integer.parseInt(args[2]))
                .staticFiles("/static", Path.of(args[0]))
                .build().run("127.0.0.1", Integer.parseInt(args[1]));
    }
}
