package io.scrapestream.ingest.scrape;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose engines always send {@code server_name} as SNI. The JDK's HTTP client
 * sets SNI to the URL's host on every engine it creates; the engines of this context replace it
 * (see {@link ServerNameSslEngine}), as Go does with {@code tls.Config.ServerName}.
 */
final class ServerNameSslContext extends SSLContext {

  ServerNameSslContext(SSLContext delegate, String serverName) {
    super(new Spi(delegate, serverName), delegate.getProvider(), delegate.getProtocol());
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext delegate;
    private final String serverName;

    Spi(SSLContext delegate, String serverName) {
      this.delegate = delegate;
      this.serverName = serverName;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
        throws KeyManagementException {
      delegate.init(km, tm, random);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return delegate.getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return delegate.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return new ServerNameSslEngine(delegate.createSSLEngine(), serverName);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return new ServerNameSslEngine(delegate.createSSLEngine(host, port), serverName);
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
      return delegate.getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return delegate.getSupportedSSLParameters();
    }
  }
}
