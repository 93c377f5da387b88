package io.ternmq.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.ternmq.core.ListenerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * After the TLS handshake, records what the client certificate proves as the connection's identity, then leaves
 * the pipeline. The handshake completes before any application byte is decrypted, so the identity is in place
 * before the CONNECT reaches the core. A failed handshake (unknown CA, missing required certificate) is logged at
 * debug level: scanners cause them all day. The SSL handler closes the connection itself.
 */
final class TlsIdentityHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(TlsIdentityHandler.class);

    private final String listenerName;
    private final CertificateIdentity source;

    TlsIdentityHandler(String listenerName, CertificateIdentity source) {
        this.listenerName = listenerName;
        this.source = source;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            if (completion.isSuccess()) {
                recordIdentity(ctx);
            } else {
                log.debug("{}: TLS handshake on listener '{}' failed: {}",
                        SocketAddresses.format(ctx.channel().remoteAddress()), listenerName,
                        completion.cause().toString());
            }
            ctx.pipeline().remove(this);
        }
        super.userEventTriggered(ctx, event);
    }

    private void recordIdentity(ChannelHandlerContext ctx) {
        if (source == CertificateIdentity.NONE) {
            return;
        }
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            Certificate[] peer = ssl.engine().getSession().getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate certificate) {
                ctx.channel().attr(ListenerAttributes.IDENTITY).set(
                        new ListenerIdentity(listenerName, CertificateIdentities.of(certificate, source)));
            }
        } catch (SSLPeerUnverifiedException noCertificate) {
            // Optional client certificates: a client without one simply has no certificate identity.
        }
    }
}
