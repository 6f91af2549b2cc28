'use client';

import { type FormEvent, type MouseEvent, type RefObject, useState } from 'react';

/**
 * Keeps "Review" from sending anything while the form has problems: the click (or Enter
 * in a field) instead reveals every field's message and moves the focus to the first
 * one. The shared change flow's Review button stays enabled for that, so a person who
 * never touched a required field still learns what is missing.
 */
export function useGuardedReview(invalid: boolean, formRef: RefObject<HTMLFormElement | null>) {
  const [submitted, setSubmitted] = useState(false);
  const block = () => {
    setSubmitted(true);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  return {
    submitted,
    /** A fresh form: messages only for fields typed in again. */
    reset: () => setSubmitted(false),
    /** On the element around the change flow: stops the Review click when the form is invalid. */
    onClickCapture: (e: MouseEvent) => {
      const review = (e.target as HTMLElement).closest('[data-testid="review-change"]');
      if (!review) return;
      if (invalid) {
        e.stopPropagation();
        e.preventDefault();
        block();
      } else setSubmitted(true);
    },
    onSubmit: (send: () => void) => (e: FormEvent) => {
      e.preventDefault();
      if (invalid) block();
      else {
        setSubmitted(true);
        send();
      }
    },
  };
}
