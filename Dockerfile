# Covenant container image: built with the Maven wrapper, run as a layered Spring Boot application
# by a non-root user, with the JDK's ahead-of-time class cache (JEP 483/514/515) recorded at build time,
# which cuts the start to healthy to about two fifths of a plain java -jar (bench/startup.sh).
# Build:  docker build -t covenant .
# Run:    docker run --env-file .env.production -p 8080:8080 covenant
# Migrate only (the Kubernetes job and the compose "migrate" service):  docker run ... covenant --migrate-only

# ---------------------------------------------------------------------------------------------------
# Build stage: compile and package the executable jar, then split it into layers.
# ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace

# Build descriptors first: the dependency layer below is rebuilt only when pom.xml or the wrapper change.
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src src
RUN ./mvnw -B -DskipTests package

# Layers (dependencies, spring-boot-loader, snapshot-dependencies, application), so a code change
# re-ships only the small application layer. Extracted as app.jar plus lib/ (no launcher): the JVM then
# loads every class with its own class loader from plain jars, which is what the AOT cache can hold.
RUN cp target/covenant-*.jar covenant.jar \
    && java -Djarmode=tools -jar covenant.jar extract --layers --destination /extracted \
    && mv /extracted/application/covenant.jar /extracted/application/app.jar

# ---------------------------------------------------------------------------------------------------
# Runtime stage: JRE only, non-root, read-only friendly (writes go to /tmp and /app/data).
# ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre AS runtime

LABEL org.opencontainers.image.title="Covenant" \
      org.opencontainers.image.description="Insurance compliance and contract lifecycle management for general contractors"

# curl is only for the HEALTHCHECK below; Tesseract reads scanned ACORD 25 certificates (INSURANCE_OCR_COMMAND).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*

# Fixed numeric ids so Kubernetes (runAsUser: 10001, runAsNonRoot) can verify them.
RUN groupadd --system --gid 10001 covenant \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin covenant \
    && mkdir -p /app/data \
    && chown 10001:10001 /app/data

WORKDIR /app

# Least-changing layer first. Files stay owned by root: the application cannot rewrite its own code.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./

# Training run: starts the application once on a throw-away embedded database until its context is
# refreshed, and records the classes it loaded and linked (and method profiles) in app.aot. The cache
# belongs to this JDK and this exact class path, so it is made here, in the runtime image; the JVM
# ignores it with a warning (and starts the slow way) if either ever differs.
RUN APP_ENV= DATA_DIR=/tmp/aot-training java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
        -jar app.jar > /tmp/aot-training.log 2>&1 \
    || { cat /tmp/aot-training.log; exit 1; }; \
    rm -rf /tmp/aot-training /tmp/aot-training.log

ENV APP_ENV=production \
    DATA_DIR=/app/data

USER 10001:10001

# 8080: API and web UI (PORT). 9090: actuator metrics for the Prometheus scraper (MANAGEMENT_PORT).
EXPOSE 8080 9090

# Liveness only: a database outage must not mark the container unhealthy. Kubernetes ignores this
# and uses the probes of deploy/k8s/deployment.yaml instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT:-8080}/health/liveness" > /dev/null || exit 1

# JVM options on the command line, not in JAVA_TOOL_OPTIONS: the JVM announces that variable with a
# plain-text line before the first JSON log line ("Picked up JAVA_TOOL_OPTIONS: ...").
ENTRYPOINT ["java","-XX:AOTCache=app.aot","-XX:MaxRAMPercentage=75.0","-XX:InitialRAMPercentage=50.0","-XX:+ExitOnOutOfMemoryError","-Djava.io.tmpdir=/tmp","-Dfile.encoding=UTF-8","-jar","app.jar"]
