using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Security;

/// <summary>Limits per client and per request, security headers, and CORS for reading the API.</summary>
public static class HttpHardening
{
    public const string ApiCorsPolicy = "api-read";

    /// <summary>Longest query string accepted; a search never needs more.</summary>
    public const int MaxQueryStringLength = 4096;

    /// <summary>The API is rate-limited per client; the UI's files, the feeds and /health are not.</summary>
    public static bool IsRateLimited(PathString path) => path.StartsWithSegments("/api");

    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Catalog:Limits").Get<RequestLimits>() ?? new RequestLimits();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = limits.MaxBodyBytes;
            // Kestrel answers an overlong request line with a bare 414; leave room so the
            // middleware below can answer with a ProblemDetails instead.
            k.Limits.MaxRequestLineSize = 64 * 1024;
        });
        builder.Services.AddCors(o => o.AddPolicy(ApiCorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()));
        builder.Services.AddRateLimiter(o =>
        {
            // Per client address, on the API only; the UI's static files and the service's own warm-up are not counted.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                IsRateLimited(ctx.Request.Path) && !Hosting.WarmUp.IsOwn(ctx)
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("static"));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await WriteProblem(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"More than {limits.RequestsPerMinute} API requests a minute from this client; wait a minute and try again.",
                    type: "https://tools.ietf.org/html/rfc6585#section-4"); // 429 is not in RFC 9110, so the framework gives it no type
            };
        });
        return builder;
    }

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (context.Request.QueryString.Value?.Length > MaxQueryStringLength)
            {
                await WriteProblem(context, StatusCodes.Status414UriTooLong, "Query too long",
                    $"The query string is longer than {MaxQueryStringLength} characters.");
                return;
            }
            await next(context);
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseCors(ApiCorsPolicy));
        app.UseRateLimiter();
        return app;
    }

    private static async Task WriteProblem(HttpContext context, int status, string title, string detail, string? type = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type },
        });
    }
}

/// <summary>Request limits, bound from "Catalog:Limits".</summary>
public sealed class RequestLimits
{
    public int RequestsPerMinute { get; set; } = 1200;
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
