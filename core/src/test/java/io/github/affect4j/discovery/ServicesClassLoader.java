package io.github.affect4j.discovery;

import io.github.affect4j.spi.FaceDetectorProvider;
import io.github.affect4j.spi.VoiceDetectorProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class loader that decides what {@link java.util.ServiceLoader} sees: it serves the
 * {@code META-INF/services} files given to it, and no others, and loads classes from the test
 * class path (its parent). Hand it to {@code EmotionDetectors.faceBuilder().classLoader(...)}.
 */
final class ServicesClassLoader extends ClassLoader {

    private static final String PREFIX = "META-INF/services/";

    private final Map<String, String> files = new LinkedHashMap<>();
    private boolean indexUnreadable;

    ServicesClassLoader() {
        super("affect4j-test-services", ServicesClassLoader.class.getClassLoader());
    }

    /** Lists face providers: classes, or raw lines such as a class name that does not exist. */
    ServicesClassLoader face(Object... providers) {
        return register(FaceDetectorProvider.class, providers);
    }

    /** Lists voice providers, like {@link #face}. */
    ServicesClassLoader voice(Object... providers) {
        return register(VoiceDetectorProvider.class, providers);
    }

    /** Makes every services lookup fail with an {@link IOException}. */
    ServicesClassLoader unreadableIndex() {
        indexUnreadable = true;
        return this;
    }

    private ServicesClassLoader register(Class<?> service, Object... providers) {
        StringBuilder text = new StringBuilder("# written by ServicesClassLoader\n");
        for (Object provider : providers) {
            text.append(provider instanceof Class<?> type ? type.getName() : provider).append('\n');
        }
        files.put(PREFIX + service.getName(), text.toString());
        return this;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(PREFIX)) {
            return super.getResources(name);
        }
        if (indexUnreadable) {
            throw new IOException("services index unreadable (simulated disk error)");
        }
        String content = files.get(name);
        return content == null ? Collections.emptyEnumeration()
                : Collections.enumeration(List.of(url(name, content)));
    }

    @Override
    public URL getResource(String name) {
        if (name.startsWith(PREFIX)) {
            throw new UnsupportedOperationException("ServiceLoader should use getResources");
        }
        return super.getResource(name);
    }

    /** A URL whose content is held in memory, so no file has to be written. */
    private static URL url(String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        URLStreamHandler handler = new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(bytes);
                    }
                };
            }
        };
        @SuppressWarnings("deprecation") // URL.of with a handler arrives only in Java 20
        URL url = new URL("affect4j-test", "", -1, "/" + name, handler);
        return url;
    }
}
