# exportqc as a container image: a static binary (CGO off) on a distroless
# base, running as a non-root user.
#
#   docker build -t exportqc .
#   docker run --rm -v "$PWD:/work" exportqc check deliveries/
#
# The working directory is /work: mount what to check there.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=0
RUN go build -trimpath -ldflags "-s -w" -o /out/exportqc ./cmd/exportqc

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/exportqc /usr/local/bin/exportqc
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/exportqc"]
CMD ["--help"]
