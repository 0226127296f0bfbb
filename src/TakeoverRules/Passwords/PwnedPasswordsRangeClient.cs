using System.Buffers;
using System.Globalization;
using System.Net;

namespace TakeoverRules.Passwords;

/// <summary>
/// Checks passwords against the Pwned Passwords range API with k-anonymity: only the first 5 hex digits of the SHA-1
/// leave the process (<c>GET range/{prefix}</c>, with <c>Add-Padding: true</c>), and the returned
/// <c>SUFFIX:COUNT</c> lines are searched locally. Bounded by a timeout and a response-size limit; failures are
/// <see cref="BreachStatus.Unavailable"/> results. Thread-safe when the injected <see cref="HttpClient"/> is.
/// </summary>
public sealed class PwnedPasswordsRangeClient : IBreachedPasswordChecker
{
    private const int SuffixLength = PwnedPasswordHash.HexLength - PwnedPasswordHash.PrefixLength;

    // A line is 35 hex digits, ':', a count and CRLF; anything much longer is not the documented format.
    private const int MaxLineBytes = 128;
    private const int ReadBufferBytes = 16 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly TimeSpan _timeout;
    private readonly int _maxResponseBytes;
    private readonly bool _addPadding;

    /// <summary>Creates a client over <paramref name="httpClient"/>, which the caller owns (the client never disposes it).</summary>
    /// <param name="httpClient">The HTTP client; reuse one for the process.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (public API, 5 s, 1 MiB, padding on).</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public PwnedPasswordsRangeClient(HttpClient httpClient, PwnedPasswordsRangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        options ??= new PwnedPasswordsRangeOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Pwned Passwords options are invalid: " + string.Join("; ", errors), nameof(options));

        _http = httpClient;
        _baseAddress = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
        _timeout = options.Timeout;
        _maxResponseBytes = options.MaxResponseBytes;
        _addPadding = options.AddPadding;
    }

    /// <inheritdoc />
    public async ValueTask<BreachCheckResult> CheckAsync(string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        cancellationToken.ThrowIfCancellationRequested();

        var hex = new byte[PwnedPasswordHash.HexLength];
        PwnedPasswordHash.ComputeHex(password, hex);
        var prefix = System.Text.Encoding.ASCII.GetString(hex, 0, PwnedPasswordHash.PrefixLength);
        var suffix = hex.AsMemory(PwnedPasswordHash.PrefixLength);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseAddress, "range/" + prefix));
            if (_addPadding) request.Headers.TryAddWithoutValidation("Add-Padding", "true");

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return BreachCheckResult.Unavailable(BreachCheckFailure.HttpStatus, "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            if (response.Content.Headers.ContentLength > _maxResponseBytes) return TooLarge();

            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await SearchAsync(stream, suffix, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own timer, or HttpClient.Timeout if the injected client has a shorter one.
            return BreachCheckResult.Unavailable(BreachCheckFailure.Timeout, "no complete answer within " + _timeout.ToString("c", CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException ex)
        {
            return BreachCheckResult.Unavailable(BreachCheckFailure.NetworkError, ex.HttpRequestError.ToString());
        }
        catch (IOException)
        {
            return BreachCheckResult.Unavailable(BreachCheckFailure.NetworkError, "the connection failed while reading the response");
        }
    }

    /// <summary>Describes the client by its endpoint only.</summary>
    public override string ToString() => $"PwnedPasswordsRangeClient ({_baseAddress})";

    private BreachCheckResult TooLarge() => BreachCheckResult.Unavailable(
        BreachCheckFailure.ResponseTooLarge, "response exceeds " + _maxResponseBytes.ToString(CultureInfo.InvariantCulture) + " bytes");

    private async ValueTask<BreachCheckResult> SearchAsync(Stream stream, ReadOnlyMemory<byte> suffix, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
        try
        {
            var filled = 0;
            long total = 0;
            var lineNumber = 0;
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                total += read;
                if (total > _maxResponseBytes) return TooLarge();
                filled += read;

                var start = 0;
                int newline;
                while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
                {
                    lineNumber++;
                    var outcome = MatchLine(buffer.AsSpan(start, newline), suffix.Span, lineNumber);
                    if (outcome is { } result) return result;
                    start += newline + 1;
                }

                var remaining = filled - start;
                if (remaining > MaxLineBytes) return Malformed(lineNumber + 1, "line too long");
                buffer.AsSpan(start, remaining).CopyTo(buffer);
                filled = remaining;
            }

            return filled > 0 && MatchLine(buffer.AsSpan(0, filled), suffix.Span, lineNumber + 1) is { } last ? last : BreachCheckResult.NotFound;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns a result to stop at (found, or malformed), or <see langword="null"/> to read on.</summary>
    private static BreachCheckResult? MatchLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> suffix, int lineNumber)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        if (line.IsEmpty) return null;
        if (line.Length < SuffixLength + 2 || line[SuffixLength] != (byte)':' || !PwnedPasswordHash.IsHex(line[..SuffixLength]))
        {
            return Malformed(lineNumber, "expected SUFFIX:COUNT with 35 hex digits");
        }

        if (!PwnedPasswordHash.TryParseCount(line[(SuffixLength + 1)..], out var count)) return Malformed(lineNumber, "COUNT is not a number");

        // Count 0 marks a padding line (Add-Padding); it never means "breached".
        if (count == 0 || PwnedPasswordHash.CompareHex(line[..SuffixLength], suffix) != 0) return null;
        return BreachCheckResult.Found(count);
    }

    private static BreachCheckResult Malformed(int lineNumber, string reason) =>
        BreachCheckResult.Unavailable(BreachCheckFailure.MalformedData, "line " + lineNumber.ToString(CultureInfo.InvariantCulture) + ": " + reason);
}
