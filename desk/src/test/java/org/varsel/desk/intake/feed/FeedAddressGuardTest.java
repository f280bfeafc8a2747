package org.varsel.desk.intake.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed poller stays off the desk's own network: private addresses and redirects to them are refused. */
class FeedAddressGuardTest {
    @Test
    void aFeedOnAPrivateAddressOrRedirectingToOneIsNotFetched(@TempDir Path directory) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger served = new AtomicInteger();
        int port = server.getAddress().getPort();
        server.createContext("/feed.xml", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/feed.xml");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            Path feeds = directory.resolve("feeds.yaml");
            Files.writeString(feeds, """
          feeds:
            - name: loopback
              rss: http://127.0.0.1:%1$d/feed.xml
            - name: metadata
              rss: http://169.254.169.254/latest/meta-data/
            - name: redirected
              rss: http://localhost:%1$d/moved
              allow_private_hosts: [localhost]
          """.formatted(port));
            List<FeedDefinition> definitions = FeedDefinition.readFile(feeds);
            for (FeedDefinition definition : definitions) {
                assertThatThrownBy(() -> new RssFeed(definition, null).poll())
                        .as(definition.name())
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("not a public address")
                        .hasMessageContaining("allow_private_hosts");
            }
            assertThat(served.get())
                    .as("requests that reached the private address")
                    .isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyPublicAddressesPassTheGuard() throws Exception {
        for (String address : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "fe80::1",
                "fd00:ec2::254",
                "::ffff:127.0.0.1",
                "224.0.0.1")) {
            assertThat(FeedAddressGuard.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        for (String address : List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8")) {
            assertThat(FeedAddressGuard.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
    }
}
