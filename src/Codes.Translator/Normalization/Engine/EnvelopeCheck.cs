namespace HealthCode.Translator.Normalization.Engine;

/// <summary>An enveloped payload is read only when the envelope says it succeeded and carries its data.</summary>
internal static class EnvelopeCheck
{
    public static bool Passes(ProfilePlan plan, NativePayload payload, RecordBuilder builder)
    {
        if (plan.Envelope is not { } envelope)
        {
            return true;
        }

        if (envelope.OkPath is { } okPath)
        {
            var pointer = NativePayload.Pointer(okPath);
            if (!payload.TryGet(okPath, out var status) || status.IsEmpty)
            {
                builder.Error(pointer, "is required: the envelope's status");
                return false;
            }

            if (!envelope.OkValues!.Contains(status.Text))
            {
                builder.Error(pointer, $"the envelope reports {Echo.Quote(status.Text)}, not {string.Join(" or ", envelope.OkValues)}: there is no status to read");
                return false;
            }
        }

        if (!payload.TryGet(envelope.DataPath, out var data) || data.Kind != NodeKind.Object)
        {
            builder.Error(NativePayload.Pointer(envelope.DataPath), "is required: the envelope carries no payload object");
            return false;
        }

        return true;
    }

    /// <summary>Leaves outside the data are the envelope's own (codes, messages, request ids): not the region's fields.</summary>
    public static bool IsEnvelopeLeaf(ProfilePlan plan, string path) =>
        plan.Envelope is { } envelope && !path.StartsWith(envelope.DataPath + "/", StringComparison.Ordinal);
}
