# Carlo's container image: `docker build -t carlo .` at the repository root.
# Build stage: the whole Maven build (the engine, the server, the web UI through Node.js/npm, the CLI).
FROM eclipse-temurin:21-jdk AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

# Run stage: a JRE, the jars, an unprivileged user; `carlo serve` on port 8080.
FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 carlo && useradd --system --uid 10001 --gid carlo --home /var/lib/carlo carlo \
    && mkdir -p /var/lib/carlo && chown carlo:carlo /var/lib/carlo
COPY --from=build /src/cli/target/carlo-cli-*.jar /opt/carlo/carlo.jar
COPY --from=build /src/cli/target/lib/ /opt/carlo/lib/
USER 10001
ENV CARLO_DATA=/var/lib/carlo \
    CARLO_LOG_FORMAT=json \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
VOLUME /var/lib/carlo
ENTRYPOINT ["java", "-cp", "/opt/carlo/carlo.jar:/opt/carlo/lib/*", "io.carlo.cli.Carlo"]
CMD ["serve"]
