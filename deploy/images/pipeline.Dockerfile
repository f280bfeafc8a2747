# The pipeline job image for the Flink Kubernetes Operator (deploy/k8s/flink-pipeline.yaml), application mode.
# Build from the repository root:  docker build -f deploy/images/pipeline.Dockerfile -t ghcr.io/varsel/varsel-pipeline:<version> .
# The Flink version must be the build's ${flink.version} (pom.xml); ManifestsTest checks it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl pipeline -am -DskipTests package \
 && cp pipeline/target/varsel-pipeline-*-job.jar /varsel-pipeline-job.jar

FROM flink:2.1.1-java17
COPY --from=build --chown=flink:flink /varsel-pipeline-job.jar /opt/flink/usrlib/varsel-pipeline-job.jar
