// Data a page loads from the API: the value, the error, whether it is loading, and a reload.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the value in place (a live update, an action's answer). */
  set: (update: (current: T | undefined) => T | undefined) => void;
}

/** Loads with `load` on mount and again whenever `key` changes (a filter, an id). */
export function useResource<T>(load: () => Promise<T>, key = ''): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await loader.current();
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is what says when to load again
  useEffect(() => {
    void reload();
  }, [reload, key]);

  return { data, error, loading, reload, set: setData };
}
