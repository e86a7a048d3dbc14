package dev.yubin.net.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose every socket, server socket and engine gets the same
 * {@link SSLParameters} (protocol versions, cipher suites, server cipher order). Callers such as
 * {@code Listener} and {@code Connection.startTls} only call {@code getSocketFactory()}, so the
 * policy must live in the context itself.
 */
final class RestrictedSslContext extends SSLContext {

    RestrictedSslContext(SSLContext delegate, SSLParameters params) {
        super(new Spi(delegate, params), delegate.getProvider(), delegate.getProtocol());
    }

    private static SSLParameters copy(SSLParameters p) {
        SSLParameters c = new SSLParameters(p.getCipherSuites(), p.getProtocols());
        c.setUseCipherSuitesOrder(p.getUseCipherSuitesOrder());
        return c;
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final SSLParameters params;

        Spi(SSLContext delegate, SSLParameters params) {
            this.delegate = delegate;
            this.params = copy(params);
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new Factory(delegate.getSocketFactory(), params);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            SSLServerSocketFactory f = delegate.getServerSocketFactory();
            return new SSLServerSocketFactory() {
                @Override
                public String[] getDefaultCipherSuites() {
                    return params.getCipherSuites();
                }

                @Override
                public String[] getSupportedCipherSuites() {
                    return f.getSupportedCipherSuites();
                }

                private java.net.ServerSocket apply(java.net.ServerSocket s) {
                    ((SSLServerSocket) s).setSSLParameters(copy(params));
                    return s;
                }

                @Override
                public java.net.ServerSocket createServerSocket() throws IOException {
                    return apply(f.createServerSocket());
                }

                @Override
                public java.net.ServerSocket createServerSocket(int port) throws IOException {
                    return apply(f.createServerSocket(port));
                }

                @Override
                public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
                    return apply(f.createServerSocket(port, backlog));
                }

                @Override
                public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress addr)
                        throws IOException {
                    return apply(f.createServerSocket(port, backlog, addr));
                }
            };
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            SSLEngine e = delegate.createSSLEngine();
            e.setSSLParameters(copy(params));
            return e;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            SSLEngine e = delegate.createSSLEngine(host, port);
            e.setSSLParameters(copy(params));
            return e;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return copy(params);
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }

    private static final class Factory extends SSLSocketFactory {
        private final SSLSocketFactory f;
        private final SSLParameters params;

        Factory(SSLSocketFactory f, SSLParameters params) {
            this.f = f;
            this.params = params;
        }

        private Socket apply(Socket s) {
            SSLSocket ssl = (SSLSocket) s;
            SSLParameters p = ssl.getSSLParameters();
            p.setProtocols(params.getProtocols());
            p.setCipherSuites(params.getCipherSuites());
            p.setUseCipherSuitesOrder(params.getUseCipherSuitesOrder());
            ssl.setSSLParameters(p);
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return params.getCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return f.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return apply(f.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return apply(f.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            return apply(f.createSocket(s, consumed, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return apply(f.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return apply(f.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return apply(f.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return apply(f.createSocket(address, port, localAddress, localPort));
        }
    }
}
