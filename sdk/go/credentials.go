package jipan

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"sync"
	"time"

	"google.golang.org/grpc"
	identityv1 "jipan.tw/gen/go/jipan/identity/v1"
)

// TokenSource yields a current access token.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
}

// StaticToken is a fixed token (e.g. from `jipan token --dev`).
type StaticToken string

// Token returns the token.
func (t StaticToken) Token(context.Context) (string, error) { return string(t), nil }

// ServiceAccountTokens gets access tokens for a service account, as
// jipan.clients.service_tokens does in Python: a 60-second RFC 7523 assertion
// signed EdDSA with the account's key (header kid: its RFC 7638 JWK
// thumbprint; a fresh jti each time) is exchanged at
// TokenService.IssueServiceAccountToken; the token is cached and renewed a
// minute before it expires, one renewal at a time.
type ServiceAccountTokens struct {
	account string
	issuer  string
	scopes  []string
	key     ed25519.PrivateKey
	kid     string
	client  identityv1.TokenServiceClient

	mu      sync.Mutex
	token   string
	expires time.Time
}

// NewServiceAccountTokens reads the account's PEM (PKCS#8) Ed25519 key;
// identity is a connection to identity without a token.
func NewServiceAccountTokens(account, keyFile, issuer string, scopes []string, identity *grpc.ClientConn) (*ServiceAccountTokens, error) {
	data, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("%s holds no PEM key", keyFile)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	key, ok := parsed.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s is not an Ed25519 key", keyFile)
	}
	x := b64(key.Public().(ed25519.PublicKey))
	digest := sha256.Sum256([]byte(`{"crv":"Ed25519","kty":"OKP","x":"` + x + `"}`))
	return &ServiceAccountTokens{
		account: account, issuer: issuer, scopes: scopes, key: key, kid: b64(digest[:]),
		client: identityv1.NewTokenServiceClient(identity),
	}, nil
}

// Token returns the cached token, renewing it a minute before expiry.
func (s *ServiceAccountTokens) Token(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.token != "" && time.Until(s.expires) > time.Minute {
		return s.token, nil
	}
	assertion, err := s.assertion()
	if err != nil {
		return "", err
	}
	response, err := s.client.IssueServiceAccountToken(ctx, &identityv1.IssueServiceAccountTokenRequest{
		Assertion: assertion, Scopes: s.scopes,
	})
	if err != nil {
		return "", err
	}
	s.token, s.expires = response.GetAccessToken(), response.GetExpireTime().AsTime()
	return s.token, nil
}

func (s *ServiceAccountTokens) assertion() (string, error) {
	now := time.Now().Unix()
	jti := make([]byte, 16)
	if _, err := rand.Read(jti); err != nil {
		return "", err
	}
	header, err := json.Marshal(map[string]string{"alg": "EdDSA", "typ": "JWT", "kid": s.kid})
	if err != nil {
		return "", err
	}
	claims, err := json.Marshal(map[string]interface{}{
		"iss": s.account, "sub": s.account, "aud": s.issuer,
		"iat": now, "exp": now + 60, "jti": hex.EncodeToString(jti),
	})
	if err != nil {
		return "", err
	}
	signing := b64(header) + "." + b64(claims)
	return signing + "." + b64(ed25519.Sign(s.key, []byte(signing))), nil
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
