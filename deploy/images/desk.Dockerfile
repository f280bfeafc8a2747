# The desk image (deploy/k8s/desk.yaml). Build from the repository root:
#   docker build -f deploy/images/desk.Dockerfile -t ghcr.io/varsel/varsel-desk:<version> .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl desk -am -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
 && mkdir -p /app/lib \
 && cp desk/target/varsel-desk-*.jar /app/varsel-desk.jar \
 && cp desk/target/dependency/*.jar /app/lib/

FROM eclipse-temurin:17-jre
RUN useradd --uid 10001 --no-create-home varsel
COPY --from=build /app /app
USER 10001
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app/varsel-desk.jar:/app/lib/*", "org.varsel.desk.Desk"]
