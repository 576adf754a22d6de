# Sourced by ./partita and benchmarks/run: preloads tcmalloc into the JVM when the machine has it.
#
# Why: PyTorch's CPU allocator takes every tensor from malloc and gives it back at once. glibc serves the
# large ones (attention scores of the reference model are 32 MiB) with fresh mmap calls, so each step
# page-faults and zeroes hundreds of MiB; tcmalloc keeps and reuses them. Measured with
# `benchmarks/run train 2 25` on 2 cores: 4,128 → 4,834 tokens/s, system CPU time 10.6 s → 2.3 s
# (docs/training.md). jemalloc 5.3 was slower than glibc here, so only tcmalloc is looked for.
#
# Debian/Ubuntu: apt install libtcmalloc-minimal4. PARTITA_MALLOC=system turns the preload off.
partita_preload_tcmalloc() {
    [[ "${PARTITA_MALLOC:-tcmalloc}" == system ]] && return 0
    local lib
    lib=$(/sbin/ldconfig -p 2>/dev/null | awk '/libtcmalloc_minimal\.so\.4 / {print $NF; exit}')
    [[ -n "$lib" && -r "$lib" ]] || return 0
    case ":${LD_PRELOAD:-}:" in *":$lib:"*) return 0 ;; esac
    export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
    # tcmalloc reports allocations over 1 GiB on stderr; the JVM's heap never comes from malloc, but a huge
    # tensor could, and the report is noise to a user.
    export TCMALLOC_LARGE_ALLOC_REPORT_THRESHOLD=${TCMALLOC_LARGE_ALLOC_REPORT_THRESHOLD:-1099511627776}
}
partita_preload_tcmalloc
