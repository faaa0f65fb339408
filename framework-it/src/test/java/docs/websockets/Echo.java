package docs.websockets;

import dev.brisk.*;

public class Echo {
    @WebSocket("/ws/echo")
    public void echo(WebSocketSession ws) {          // void: the sequential style, on a worker thread
        ws.accept();
        while (true) {
            String text = ws.receiveText();           // blocks this thread only; throws WebSocketClosedException at the end
            if (text.equals("bye")) return;           // returning closes the session with 1000
            ws.sendText("echo: " + text);
        }
    }
}
