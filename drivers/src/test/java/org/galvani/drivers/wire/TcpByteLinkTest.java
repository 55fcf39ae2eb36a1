package org.galvani.drivers.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class TcpByteLinkTest {

    @Test
    @Verifies("SRS-DRV-023")
    void bytesGoBothWaysReadsTimeOutAndAClosedPeerIsEndOfStream() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            TcpByteLink client = TcpByteLink.connect("127.0.0.1", port, 1_000, 100_000);
            SocketChannel accepted = server.accept();
            TcpByteLink peer = TcpByteLink.accepted(accepted, 100_000);
            assertTrue(client.tcpNoDelay());
            assertTrue(accepted.getOption(StandardSocketOptions.TCP_NODELAY));
            try {
                byte[] in = new byte[8];
                assertEquals(0, client.read(in, 0, in.length, 1_000), "nothing sent: times out with 0");
                peer.write(new byte[] {9, 1, 2, 3, 9}, 1, 3);
                int n = 0;
                for (int i = 0; i < 100 && n < 3; i++) {
                    n += client.read(in, n, in.length - n, 100_000);
                }
                assertArrayEquals(new byte[] {1, 2, 3}, java.util.Arrays.copyOf(in, n));
                assertTrue(client.describe().contains("127.0.0.1:" + port));
                peer.close();
                assertThrows(EOFException.class, () -> client.read(in, 0, in.length, 1_000_000));
            } finally {
                client.close();
                peer.close();
            }
            assertFalse(client.isOpen());
            assertThrows(IOException.class, () -> client.write(new byte[1], 0, 1));
        }
    }

    @Test
    @Verifies("SRS-DRV-023")
    void aRefusedConnectionNamesTheAddress() throws IOException {
        int port;
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        }
        IOException e = assertThrows(IOException.class, () -> TcpByteLink.connect("127.0.0.1", port, 500, 1_000));
        assertTrue(e.getMessage().startsWith("tcp 127.0.0.1:" + port), e.getMessage());
    }
}
