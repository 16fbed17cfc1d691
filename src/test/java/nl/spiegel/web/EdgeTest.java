package nl.spiegel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.security.PermissionsAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;

/**
 * Access is decided at the edge, once: every REST method says who may call it, and none reads
 * the key itself.
 */
class EdgeTest {

    @Test
    void everyResourceMethodIsGuardedAndNoneReadsTheKey() throws Exception {
        List<Method> methods = resourceMethods();
        assertThat(methods).hasSizeGreaterThan(25);
        for (Method method : methods) {
            String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            assertThat(method.isAnnotationPresent(PermissionsAllowed.class) || method.isAnnotationPresent(PermitAll.class))
                    .as("%s says who may call it", name).isTrue();
            for (Parameter parameter : method.getParameters()) {
                HeaderParam header = parameter.getAnnotation(HeaderParam.class);
                assertThat(header == null || !header.value().equalsIgnoreCase("Authorization"))
                        .as("%s reads no Authorization header", name).isTrue();
            }
        }
    }

    /** The public methods of every class with a JAX-RS {@code @Path} in the application. */
    private static List<Method> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ProblemMappers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Method> methods = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String className = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(className, false, EdgeTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    for (Method method : type.getDeclaredMethods()) {
                        if (Modifier.isPublic(method.getModifiers())) {
                            methods.add(method);
                        }
                    }
                }
            }
        }
        return methods;
    }
}
