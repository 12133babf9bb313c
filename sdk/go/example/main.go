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

func main() {
	ctx := context.Background()
	target := env("JIPAN_TARGET", "127.0.0.1:50051")
	identity, err := jipan.Dial(ctx, jipan.Options{Target: target})
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
	conn, err := jipan.Dial(ctx, jipan.Options{Target: target, Tokens: tokens})
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	who, err := systemv1.NewSystemServiceClient(conn).GetWhoAmI(ctx, &systemv1.GetWhoAmIRequest{})
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
