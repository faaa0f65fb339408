package docs.parameters;

import dev.brisk.*;

public class Explicit {
    @Get("/explicit/{item_id}")
    public String read(@Path("item_id") long itemId,
                       @Query(value = "page-size", defaultValue = "20") int pageSize,
                       @Header String xRequestId,                       // header "x-request-id"
                       @Header(value = "Accept-Language", defaultValue = "en") String language,
                       @Cookie(defaultValue = "guest") String session) {
        return itemId + " " + pageSize + " " + xRequestId + " " + language + " " + session;
    }
}
