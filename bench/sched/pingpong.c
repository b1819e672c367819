/* OS-thread handoff baseline for bench/sched/switch.sh: two POSIX threads hand the CPU to each other over two
 * semaphores N times each (2N handoffs); prints nanoseconds per handoff. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static sem_t to_pong, to_ping;
static long rounds;

static void* pong(void* unused)
{
    (void)unused;
    for (long i = 0; i < rounds; i++) {
        sem_wait(&to_pong);
        sem_post(&to_ping);
    }
    return NULL;
}

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char** argv)
{
    rounds = argc > 1 ? atol(argv[1]) : 0;
    if (rounds <= 0) { fprintf(stderr, "usage: pingpong ROUNDS\n"); return 2; }
    sem_init(&to_pong, 0, 0);
    sem_init(&to_ping, 0, 0);
    pthread_t other;
    if (pthread_create(&other, NULL, pong, NULL) != 0) { perror("pthread_create"); return 1; }
    long long start = now_ns();
    for (long i = 0; i < rounds; i++) {
        sem_post(&to_pong);
        sem_wait(&to_ping);
    }
    long long elapsed = now_ns() - start;
    pthread_join(other, NULL);
    printf("os: %ld handoffs in %lld ns: %.3f ns per handoff\n", 2 * rounds, elapsed, (double)elapsed / (2.0 * rounds));
    return 0;
}
