// Package jipan is the thin hand-written layer of the Jipan Go SDK: a
// connection factory (TLS, mTLS, request id, default deadline, bearer token),
// service-account credentials (RFC 7523 assertion against identity) and
// google.rpc error details. The messages and clients are generated under
// jipan.tw/gen/go (protoc-gen-go, protoc-gen-go-grpc).
package jipan

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

// Options say how to reach the mesh.
type Options struct {
	Target         string        // host:port
	CAFile         string        // PEM roots: TLS when set, plaintext otherwise
	CertFile       string        // mTLS client certificate chain (PEM), with KeyFile
	KeyFile        string        // mTLS client key (PEM)
	Tokens         TokenSource   // bearer token for every call; nil: none
	DefaultTimeout time.Duration // deadline of a call whose context has none (default 10 s)
}

// Dial opens a connection to the mesh with the SDK's interceptors.
func Dial(ctx context.Context, o Options) (*grpc.ClientConn, error) {
	timeout := o.DefaultTimeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	tlsOn := o.CAFile != ""
	dialOptions := []grpc.DialOption{grpc.WithChainUnaryInterceptor(defaults(timeout))}
	if tlsOn {
		roots, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(roots) {
			return nil, fmt.Errorf("no PEM certificate in %s", o.CAFile)
		}
		config := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
		if o.CertFile != "" {
			pair, err := tls.LoadX509KeyPair(o.CertFile, o.KeyFile)
			if err != nil {
				return nil, err
			}
			config.Certificates = []tls.Certificate{pair}
		}
		dialOptions = append(dialOptions, grpc.WithTransportCredentials(credentials.NewTLS(config)))
	} else if o.CertFile != "" {
		return nil, fmt.Errorf("mTLS (CertFile) needs CAFile: a client certificate is only sent over TLS")
	} else {
		dialOptions = append(dialOptions, grpc.WithInsecure())
	}
	if o.Tokens != nil {
		dialOptions = append(dialOptions, grpc.WithPerRPCCredentials(bearer{o.Tokens, tlsOn}))
	}
	return grpc.DialContext(ctx, o.Target, dialOptions...)
}

// defaults sets x-request-id (unless the caller did) and a deadline on calls without one.
func defaults(timeout time.Duration) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if md, _ := metadata.FromOutgoingContext(ctx); len(md.Get("x-request-id")) == 0 {
			id := make([]byte, 16)
			_, _ = rand.Read(id)
			ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", hex.EncodeToString(id))
		}
		if _, ok := ctx.Deadline(); !ok {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

// bearer attaches `authorization: Bearer <token>` (over plaintext too: a local
// development mesh, or TLS terminated by a sidecar).
type bearer struct {
	tokens TokenSource
	tls    bool
}

func (b bearer) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
	token, err := b.tokens.Token(ctx)
	if err != nil {
		return nil, err
	}
	return map[string]string{"authorization": "Bearer " + token}, nil
}

func (b bearer) RequireTransportSecurity() bool { return b.tls }
