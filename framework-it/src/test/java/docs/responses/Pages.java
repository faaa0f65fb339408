package docs.responses;

import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Response;

import java.nio.charset.StandardCharsets;

public class Pages {
    @Get("/hello")
    public Response hello() {
        return Response.html("<h1>Hello</h1>");
    }

    @Get("/legacy.txt")
    public Response legacy() {
        return Response.text("café", StandardCharsets.ISO_8859_1);   // text/plain; charset=iso-8859-1
    }

    @Post("/orders")
    public Response order() {
        return Response.redirect("/orders/42", 303);               // after a form POST: the browser GETs it
    }
}
