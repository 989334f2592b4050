# Build: SDK image compiles and publishes the host.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Catalog.sln ./
COPY src/ src/
# Catalog.Core embeds the default synonyms and user dictionary from data/.
COPY data/ data/
# ReadyToRun: the hot code ships precompiled, so the first requests after a start need not wait for the JIT.
RUN dotnet publish src/Catalog.Api/Catalog.Api.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app --nologo

# Run: ASP.NET runtime only, as a non-root user; the seed ships with the app, the data lives in a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seed/ ./seed/
# The committed part of data/ (user dictionary, synonyms, licences); a new volume starts with it.
COPY data/ ./data/
RUN chown -R app:app /app/data
ENV ASPNETCORE_URLS=http://+:8080 \
    Catalog__DataPath=/app/data \
    Catalog__SeedPath=/app/seed
USER app
VOLUME ["/app/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "Catalog.Api.dll"]
