package dev.brisk.internal.model;

import java.util.List;

/** All routes and providers of an app, built once at startup. */
public record RouteModel(List<RouteDef> routes, List<ProviderDef> providers) {
}
