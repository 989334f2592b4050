using Catalog.Core.Search;
using Microsoft.AspNetCore.Diagnostics;

namespace Catalog.Api.Hosting;

/// <summary>
/// A search that comes while no index is open is the service being unready, not broken:
/// 503 with Retry-After, so clients and load balancers try again instead of reporting an error.
/// </summary>
internal sealed class IndexUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SearchIndexUnavailableException) return false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The search index is not ready",
                Detail = "The service is opening or rebuilding its search index; try again in a few seconds.",
            },
        });
    }
}
