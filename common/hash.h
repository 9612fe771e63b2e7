/* hash.h - FNV-1a, 32 bit: the hash of the in-memory tables (the hyphen repair's word counts, the analyser's word cache). */
#ifndef IZDE_HASH_H
#define IZDE_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint32_t izde_fnv1a32(const void *p, size_t len)
{
    const unsigned char *c = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ c[i]) * 16777619u;
    return h;
}

#endif
