// The Go SDK example: a service-account token, GetWhoAmI, a paginated
// SearchListings in Chinese, and two refused calls with their error details.
//
//	JIPAN_TARGET=127.0.0.1:50051 JIPAN_TOKEN_ISSUER=... JIPAN_SERVICE_ACCOUNT=services/... \
//	JIPAN_SERVICE_ACCOUNT_KEY_FILE=key.pem ./example
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	procurementv1 "jipan.tw/gen/go/jipan/procurement/v1"
	systemv1 "jipan.tw/gen/go/jipan/system/v1"
	jipan "jipan.tw/sdk/go"
)

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// bench: GetWhoAmI round trips per second from `concurrency` goroutines (bench/sdks.py).
func bench(ctx context.Context, system systemv1.SystemServiceClient, seconds float64, concurrency int) float64 {
	if _, err := system.GetWhoAmI(ctx, &systemv1.GetWhoAmIRequest{}); err != nil {
		log.Fatal(err)
	}
	var done int64
	var wg sync.WaitGroup
	start := time.Now()
	end := start.Add(time.Duration(seconds * float64(time.Second)))
	for i := 0; i < concurrency; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(end) {
				if _, err := system.GetWhoAmI(ctx, &systemv1.GetWhoAmIRequest{}); err != nil {
					log.Fatal(err)
				}
				atomic.AddInt64(&done, 1)
			}
		}()
	}
	wg.Wait()
	return float64(done) / time.Since(start).Seconds()
}

func main() {
	ctx := context.Background()
	target := env("JIPAN_TARGET", "127.0.0.1:50051")
	// TLS when JIPAN_TLS_CA_FILE is set; mTLS with JIPAN_TLS_CERT_FILE and JIPAN_TLS_KEY_FILE too.
	caFile, certFile, keyFile := os.Getenv("JIPAN_TLS_CA_FILE"), os.Getenv("JIPAN_TLS_CERT_FILE"), os.Getenv("JIPAN_TLS_KEY_FILE")
	identity, err := jipan.Dial(ctx, jipan.Options{Target: target, CAFile: caFile, CertFile: certFile, KeyFile: keyFile})
	if err != nil {
		log.Fatal(err)
	}
	defer identity.Close()
	tokens, err := jipan.NewServiceAccountTokens(os.Getenv("JIPAN_SERVICE_ACCOUNT"),
		os.Getenv("JIPAN_SERVICE_ACCOUNT_KEY_FILE"), os.Getenv("JIPAN_TOKEN_ISSUER"),
		[]string{"procurement.read"}, identity)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := jipan.Dial(ctx, jipan.Options{Target: target, CAFile: caFile, CertFile: certFile, KeyFile: keyFile, Tokens: tokens})
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	system := systemv1.NewSystemServiceClient(conn)
	if seconds, _ := strconv.ParseFloat(os.Getenv("JIPAN_BENCH_SECONDS"), 64); seconds > 0 {
		concurrency, _ := strconv.Atoi(env("JIPAN_BENCH_CONCURRENCY", "16"))
		fmt.Printf("rps %.1f\n", bench(ctx, system, seconds, concurrency))
		return
	}
	who, err := system.GetWhoAmI(ctx, &systemv1.GetWhoAmIRequest{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("whoami", who.GetPrincipal().GetSubject())

	catalog := procurementv1.NewCatalogServiceClient(conn)
	query := env("JIPAN_EXAMPLE_QUERY", "雲端備份")
	pageSize, _ := strconv.Atoi(env("JIPAN_EXAMPLE_PAGE_SIZE", "2"))
	token := ""
	for page := 1; ; page++ {
		response, err := catalog.SearchListings(ctx, &procurementv1.SearchListingsRequest{
			Query: query, PageSize: int32(pageSize), PageToken: token,
		})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("page", page, len(response.GetListings()))
		for _, listing := range response.GetListings() {
			fmt.Println("listing", listing.GetName())
		}
		if token = response.GetNextPageToken(); token == "" {
			break
		}
	}

	_, err = catalog.CreateLot(ctx, &procurementv1.CreateLotRequest{Lot: &procurementv1.Lot{DisplayName: "不允許"}})
	if e := jipan.DecodeError(err); e != nil {
		fmt.Println("refused", e.CodeName(), e.Reason, e.Domain)
	}
	_, err = catalog.SearchListings(ctx, &procurementv1.SearchListingsRequest{Query: query, PageSize: -1})
	if e := jipan.DecodeError(err); e != nil {
		fields := []string{}
		for _, v := range e.FieldViolations {
			fields = append(fields, v.GetField())
		}
		fmt.Println("invalid", e.CodeName(), e.Reason, strings.Join(fields, " "))
	}
}
