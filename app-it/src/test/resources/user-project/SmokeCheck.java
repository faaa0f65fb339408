package com.example.shop;

import dev.brisk.App;
import dev.brisk.Server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

// Run from the runnable jar by the build test: serves the README's routes on a free port and prints "<path> <status>" per argument.
public final class SmokeCheck {
    public static void main(String[] args) throws Exception {
        try (Server server = App.builder().include(new Items()).build().start("127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : args) {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
                System.out.println(path + " " + http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            }
        }
    }
}
