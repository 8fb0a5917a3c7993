using System.Globalization;
using System.Text;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// Reads header values as other AMQP clients send them: strings arrive as byte[] (long strings), integers as
/// the integer types (a Java or Python publisher may send hc-sequence as a long or as a string; both are accepted).
/// </summary>
public static class AmqpHeaderValues
{
    public static string? GetString(IDictionary<string, object?>? headers, string name)
    {
        if (headers is null || !headers.TryGetValue(name, out var value)) return null;
        return value switch
        {
            null => null,
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string s => s,
            long or int or short or sbyte or byte or uint or ushort or ulong =>
                Convert.ToString(value, CultureInfo.InvariantCulture),
            // Anything else (float, decimal, table…) is not a valid contract value; the consumer rejects what it cannot read.
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
