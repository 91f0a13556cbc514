# One image for every CoachStream service; the command picks the service:
#   docker run coachstream streams | notify | produce serve | produce simulate ... | topics create
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package -pl launcher -am

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 coachstream && mkdir -p /var/lib/coachstream && chown coachstream /var/lib/coachstream
COPY --from=build /src/launcher/target/coachstream.jar /opt/coachstream/coachstream.jar
USER coachstream
WORKDIR /var/lib/coachstream
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/opt/coachstream/coachstream.jar"]
CMD ["--help"]
