# The Gridwatch server, built from this repository: docker-compose builds it (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /srv/gridwatch gridwatch && mkdir -p /srv/gridwatch/data && chown -R gridwatch /srv/gridwatch
USER gridwatch
WORKDIR /srv/gridwatch
COPY --from=build /src/server/target/gridwatch-server.jar gridwatch-server.jar
ENV GRIDWATCH_DATA_DIR=/srv/gridwatch/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "gridwatch-server.jar"]
