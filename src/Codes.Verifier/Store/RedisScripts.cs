namespace HealthCode.Verifier.Store;

internal static class RedisScripts
{
    // KEYS[1] status key, KEYS[2] holder set key ("" = no holder); ARGV[1] sequence (decimal, no sign, no leading zeros),
    // ARGV[2] full value, ARGV[3] ttl seconds, ARGV[4] holder key prefix, ARGV[5] "1" when the value is a revocation.
    // Returns 1 applied, 0 superseded (older), 2 duplicate (equal).
    // Sequences are compared as decimal strings (length, then lexically): Lua numbers are doubles and would lose
    // int64 precision above 2^53. Equal = duplicate = no-op, except that a revocation wins over a live status of the
    // same sequence (either order ends revoked: fail closed). A code that moves to another holder (or to none, on
    // revoke) leaves the old holder's set so it no longer restricts that person.
    public const string Apply = """
        local current = redis.call('GET', KEYS[1])
        local oldHolder = ''
        if current then
          local seq, holder = string.match(current, '^(%d+)|([^|]*)|')
          if seq then
            local incoming = ARGV[1]
            if #seq > #incoming or (#seq == #incoming and seq > incoming) then return 0 end
            if seq == incoming and (ARGV[5] ~= '1' or string.find(current, '"revoked":true', 1, true)) then return 2 end
            oldHolder = holder
          end
        end
        local ttl = tonumber(ARGV[3])
        redis.call('SET', KEYS[1], ARGV[2], 'EX', ttl)
        local newHolderKey = KEYS[2] or ''
        if oldHolder ~= '' and ARGV[4] .. oldHolder ~= newHolderKey then
          redis.call('SREM', ARGV[4] .. oldHolder, KEYS[1])
        end
        if newHolderKey ~= '' then
          redis.call('SADD', newHolderKey, KEYS[1])
          local remaining = redis.call('TTL', newHolderKey)
          if remaining < ttl then redis.call('EXPIRE', newHolderKey, ttl) end
        end
        return 1
        """;

    // KEYS[1] status key; ARGV[1] holder key prefix, ARGV[2] max other codes.
    // Returns { value, other values... } or {} when the code is unknown. Members whose status key has expired
    // are removed from the set on the way (the set's own TTL only covers its longest-lived member).
    // Reads member keys not declared in KEYS: fine on a single node or behind one address; Redis Cluster would
    // need hash-tagged keys per holder.
    public const string Lookup = """
        local value = redis.call('GET', KEYS[1])
        if not value then return {} end
        local result = { value }
        local holder = string.match(value, '^%d+|([^|]*)|')
        if holder and holder ~= '' then
          local setKey = ARGV[1] .. holder
          local limit = tonumber(ARGV[2])
          for _, member in ipairs(redis.call('SMEMBERS', setKey)) do
            if member ~= KEYS[1] then
              local other = redis.call('GET', member)
              if other then
                if #result <= limit then result[#result + 1] = other end
              else
                redis.call('SREM', setKey, member)
              end
            end
          end
        end
        return result
        """;
}
