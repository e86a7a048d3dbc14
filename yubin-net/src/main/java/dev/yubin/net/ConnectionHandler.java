package dev.yubin.net;

import java.io.IOException;

/**
 * One protocol session on one accepted connection, run on its own virtual thread. The handler
 * owns the connection until it returns; the listener closes it afterwards whatever happens.
 */
@FunctionalInterface
public interface ConnectionHandler {
    void handle(Connection connection) throws IOException;
}
