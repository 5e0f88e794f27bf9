// The recurring view: the count of chosen occurrences follows the checkboxes (the form works without it).
const count = document.getElementById('bulk-count');
const boxes = [...document.querySelectorAll('input[name="editIds"]')];
for (const box of boxes) {
  box.addEventListener('change', () => {
    if (count) count.textContent = String(boxes.filter((b) => b.checked).length);
  });
}
