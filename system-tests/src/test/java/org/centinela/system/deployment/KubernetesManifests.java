package org.centinela.system.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** Every object of deploy/kubernetes/*.yaml, parsed; kustomization.yaml, which is not an object, left out. */
final class KubernetesManifests {

    static final Path DIRECTORY = Checkout.path("deploy/kubernetes");

    private final List<Map<String, Object>> objects;

    private KubernetesManifests(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    @SuppressWarnings("unchecked")
    static KubernetesManifests load() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIRECTORY)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml")).sorted().toList();
        }
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (Object document : new Yaml().loadAll(reader)) {
                    if (document != null) {
                        Map<String, Object> object = (Map<String, Object>) document;
                        object.put("__file", file.getFileName().toString());
                        objects.add(object);
                    }
                }
            }
        }
        return new KubernetesManifests(objects);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/kubernetes"));
    }

    List<Map<String, Object>> all() {
        return objects;
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(map(object, "metadata").get("name"));
    }

    /** {@code object.key} as a map; an AssertionError naming the path when it is missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> object, String... path) {
        Map<String, Object> current = object;
        for (String key : path) {
            Object next = current.get(key);
            if (!(next instanceof Map<?, ?>)) {
                Object where = object.containsKey("__file") ? object.get("__file") : object.get("name");
                throw new AssertionError(String.join(".", path) + " missing in " + where);
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value instanceof List<?> ? (List<Map<String, Object>>) value : List.of();
    }
}
