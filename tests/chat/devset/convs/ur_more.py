# More Urdu-script conversations (some with English words, as people write).
CONVS = [
dict(id="ur_groom_madrasa_qari", labels=["grooming"], people={"A": "قاری صاحب", "B": "عبداللہ"}, off="A", tgt="B",
     note="religious tutor grooms 10yo boy: special treatment, secrecy, alone meeting", fill=(4, 2), script="""
A: عبداللہ بیٹا آج سبق بہت اچھا سنایا
B: جزاک اللہ قاری صاحب
A: تم سب بچوں میں سب سے پیارے ہو
~2d
A: تمہارے لیے نئی ٹوپی اور سو روپے رکھے ہیں
* A: گھر پر کسی کو مت بتانا، باقی بچے ناراض ہوں گے
A: عصر کے بعد اکیلے آ جانا، کمرے میں خاص سبق دوں گا
A: اماں کو کہنا دیر تک دہرائی ہو رہی تھی
"""),
dict(id="ur_groom_facebook_aunty", labels=["grooming"], people={"A": "نادیہ آپی", "B": "سدرہ"}, off="A", tgt="B",
     note="adult woman recruits/grooms 13yo girl: gifts, job promise, secrecy, meeting at a house", fill=(6, 0), script="""
A: سدرہ تم کتنی خوبصورت ہو، ماڈل بن سکتی ہو
B: سچ میں آپی؟
A: ہاں، میری ایک دوست کا بوتیک ہے، تصویریں کھنچوانی ہوں گی، پیسے بھی ملیں گے
A: تم کتنے سال کی ہو؟
B: تیرہ
* A: امی ابو کو ابھی مت بتانا، وہ منع کر دیں گے، پہلے پیسے کما لو پھر بتانا
A: میں نے تمہارے لیے نیا سوٹ خریدا ہے
A: ہفتے کو اسکول سے سیدھا میرے گھر آ جانا، گاڑی بھیج دوں گی
"""),
dict(id="ur_groom_snap_move", labels=["grooming"], people={"A": "🦅 شاہین", "B": "مہک"}, off="A", tgt="B",
     note="emoji name; gradual trust, age probe, move app, 'are you alone', photo", fill=(10, 2), script="""
A: تمہاری پوسٹ پڑھی، تم بہت گہری باتیں لکھتی ہو
B: شکریہ 🙂
A: لگتا ہے تمہیں کوئی سمجھتا نہیں
B: ہاں شاید
~fill 3
~2d
* A: ویسے تم اسکول میں ہو یا کالج میں؟
B: اسکول، نویں میں
A: اچھا۔ یہاں سب دیکھ لیتے ہیں، اسنیپ پر بات کرتے ہیں
A: ابھی کمرے میں اکیلی ہو؟
B: ہاں
A: ایک تصویر لو ابھی، جیسی بیٹھی ہو ویسی، صرف میرے لیے
"""),
dict(id="ur_sextortion_job_scam", labels=["sextortion"], people={"A": "ایچ آر منیجر", "B": "سمیرا"}, off="A", tgt="B",
     note="fake job recruiter obtained photos, threatens to send to family, demands money", fill=(0, 0), script="""
A: آپ کی درخواست منظور ہو گئی ہے، ویڈیو انٹرویو کے لیے تیار رہیں
B: جی ضرور
A: [call 400]
* A: انٹرویو ریکارڈ ہو چکا ہے اور آپ کی تصویریں بھی ہمارے پاس ہیں
A: تیس ہزار روپے جمع کروائیں ورنہ یہ سب آپ کے شوہر اور سسرال کو بھیج دیں گے
B: میں نے کچھ غلط نہیں کیا
A: ہم ایڈٹ کر کے بھیجیں گے، کون یقین کرے گا۔ کل شام تک
"""),
dict(id="ur_sextortion_classmate", labels=["sextortion"], people={"A": "وقار", "B": "ثمینہ"}, off="A", tgt="B",
     note="classmate hacked account, has private photos, demands she meet him and send more", fill=(3, 0), script="""
A: تمہارا انسٹا اکاؤنٹ میرے پاس ہے، ساری چیٹ بھی پڑھ لی
A: [image]
* A: کل کالج کے بعد لائبریری کے پیچھے ملو اور نئی تصویریں لاؤ، ورنہ یہ پورے کالج میں پھیلا دوں گا
B: پلیز ایسا مت کرو، میرے ابو مجھے مار دیں گے
A: تو پھر جو کہا ہے وہ کرو
A: کسی کو بتایا تو سب سے پہلے تمہارے ابو کو بھیجوں گا
"""),
dict(id="ur_sexting_teens", labels=["sexting"], people={"A": "ذیشان", "B": "فریحہ"}, off="A", tgt="B",
     note="teen boy pushes sexual talk, asks for pictures in bed (non-graphic)", fill=(6, 4), script="""
A: نیند نہیں آ رہی؟
B: نہیں
* A: میں سوچ رہا ہوں تم بستر پر کیسی لگ رہی ہو گی 😏
A: ایک تصویر بھیجو ابھی، کمبل کے اندر والی
B: تم بہت بدتمیز ہو
A: رومانٹک ہوں، بدتمیز نہیں۔ اچھا بتاؤ تمہیں کیا پسند ہے، سب کچھ بتاؤ
"""),
dict(id="ur_live_mujra_pressure", labels=["livestreaming"], people={"A": "ٹک ٹاک فین", "B": "ہما"}, off="A", tgt="B",
     note="viewer pushes 14yo girl to dance on private video call for money", fill=(0, 0), script="""
A: آپ کی ویڈیوز بہت اچھی ہیں
B: شکریہ
* A: میرے لیے پرائیویٹ ویڈیو کال پر ڈانس کرو، ایک ہزار ایزی پیسہ کروں گا
A: کوئی اور کمرے میں نہ ہو
B: امی کو پتہ چل گیا تو؟
A: رات کو جب سب سو جائیں تب
A: [call 0]
A: اٹھاؤ نا، پیسے تیار ہیں
"""),
dict(id="ur_bully_hostel_girls", labels=["cyberbullying"], people={"A": "عروج", "B": "صبا", "C": "لائبہ", "D": "تانیہ"}, off="A", offs=["B", "C"], tgt="D",
     title="ہاسٹل روم 12", note="hostel girls gang up on one: mocking accent, family, repeated", fill=(5, 0), script="""
* A: تانیہ پینڈو ہے، اس کی اردو سنو 😂
B: گاؤں سے آئی ہے، کپڑے بھی گاؤں والے
C: تانیہ کی امی جیسی لگتی ہے
D: میری امی کو بیچ میں مت لاؤ
~1d
A: آج پھر کھانے پر اکیلی بیٹھی تھی، کوئی اس کے ساتھ نہیں بیٹھتا
B: بدبو آتی ہے اس سے
C: [image] یہ دیکھو اس کا بیڈ
A: واپس گاؤں چلی جاؤ، یہاں کوئی تمہیں نہیں چاہتا
"""),
dict(id="ur_bully_cricket_team_boy", labels=["cyberbullying"], people={"A": "کامران", "B": "زبیر", "C": "نوید"}, off="A", offs=["B"], tgt="C",
     title="انڈر 15 ٹیم", note="team members repeatedly insult one boy's skin and threaten to beat him", fill=(4, 2), script="""
* A: نوید کوئلہ آج پھر کیچ چھوڑ دیا
B: کالے کو گیند نظر نہیں آتی ہاہاہا
C: بس کرو یار
A: کل گراؤنڈ آیا تو مار مار کے سیدھا کر دیں گے
~1d
B: نوید کو ٹیم سے نکالو، منحوس ہے
A: اس کی شکل دیکھ کر ہی ہار جاتے ہیں
C: میں کوچ کو بتاؤں گا
A: بتا، پھر دیکھنا کیا ہوتا ہے
"""),
dict(id="ur_mixed_groom_sextort_live", labels=["grooming", "livestreaming", "sextortion"], people={"A": "عاطف", "B": "دعا"}, off="A", tgt="B",
     note="grooming, then video calls, then blackmail with recording", fill=(8, 0), script="""
A: تم سے بات کر کے دن اچھا گزرتا ہے
B: 😊
A: تمہاری عمر کیا ہے؟ چودہ؟
B: پندرہ
~fill 2
* A: امی کو ہمارے بارے میں مت بتانا، وہ تمہارا فون لے لیں گی
~2d
*livestreaming A: آج رات ویڈیو کال کرو، دروازہ بند کر کے
B: [call 900]
~1d
A: [video]
*sextortion A: کال ریکارڈ کر لی تھی۔ دس ہزار بھیجو ورنہ یہ تمہارے کزنز کے گروپ میں جائے گی
A: ہفتے تک کا وقت ہے
"""),
dict(id="ur_neg_aunt_eidi", people={"A": "پھپھو", "B": "علی"}, note="hard negative: relative sends Eidi via easypaisa, 'don't tell'", fill=(3, 3), script="""
A: علی بیٹا عیدی ایزی پیسہ کر دی ہے
B: شکریہ پھپھو جان!
A: اپنی بہن کو مت بتانا کہ تمہیں زیادہ دی ہے 😄
B: ہاہا ٹھیک ہے
A: عید پر ضرور آنا
"""),
dict(id="ur_neg_mother_alone", people={"A": "امی جان", "B": "ماہم"}, note="hard negative: mother asks if daughter is alone at home (safety)", fill=(4, 4), script="""
A: گھر پر اکیلی ہو؟
B: جی، بھائی ٹیوشن گیا ہے
A: دروازہ اچھی طرح بند کر لو، کسی کے لیے مت کھولنا
B: جی امی
A: میں مغرب تک آ جاؤں گی
"""),
dict(id="ur_neg_nikah_photographer", people={"A": "اسٹوڈیو رنگ", "B": "دلہن کے بھائی"}, note="hard negative: studio has photos, asks remaining payment", fill=(0, 2), script="""
A: السلام علیکم، نکاح کی تصویریں تیار ہیں
A: [image]
A: باقی پندرہ ہزار کی ادائیگی کے بعد البم اور یو ایس بی دے دیں گے
B: ٹھیک ہے، کل جمع کروا دوں گا
"""),
dict(id="ur_neg_bullying_parents", people={"A": "حسن کے ابو", "B": "حسن کی امی"}, note="hard negative: parents discuss son being bullied (reported speech)", fill=(3, 3), script="""
A: حسن بتا رہا تھا کہ کلاس کے کچھ لڑکے اسے روز موٹا کہتے ہیں
B: مجھے بھی اندازہ تھا، وہ کچھ دنوں سے اداس ہے
A: کل پرنسپل سے ملتے ہیں
B: اور حسن کو سمجھاتے ہیں کہ ہم اس کے ساتھ ہیں
"""),
dict(id="ur_neg_quran_class_online", people={"A": "استانی صاحبہ", "B": "بچوں کی والدہ"}, note="hard negative: online Quran class for children, camera on, parent present", fill=(2, 3), script="""
A: کل سے بچوں کی قرآن کلاس زوم پر ہو گی، عصر کے بعد
A: بچوں کو کیمرے کے سامنے بٹھائیں اور آپ بھی ساتھ موجود رہیں
B: جی ان شاء اللہ
A: [call 1800]
A: ماشاءاللہ دونوں بچوں نے بہت اچھا پڑھا
"""),
dict(id="ur_neg_courier_location", people={"A": "ٹی سی ایس رائیڈر", "B": "کسٹمر"}, note="hard negative: courier asks for location and whether someone is home", fill=(0, 0), script="""
A: آپ کا پارسل ہے، لوکیشن بھیج دیں
B: بھیج دی
A: گھر پر کوئی ہے؟ دس منٹ میں پہنچ رہا ہوں
B: جی میں ہوں
"""),
dict(id="ur_neg_sister_wedding_prep", people={"A": "باجی", "B": "چھوٹی", "C": "امی"}, title="شادی کی تیاری 💍", note="hard negative: family group, photos of dresses, secret surprise", fill=(6, 10), script="""
A: مہندی کے کپڑوں کی تصویریں بھیجو
B: [image]
B: [image]
C: دوسرا والا اچھا ہے
A: دولہا والوں کو ہمارے ڈانس کا مت بتانا، سرپرائز ہے
B: بالکل نہیں بتائیں گے
"""),
dict(id="ur_neg_university_group", people={"A": "سی آر احمد", "B": "ماریہ", "C": "بلال"}, title="بی ایس انگلش سمسٹر 3", note="hard negative: university class group, assignment logistics", fill=(3, 8), script="""
A: کل کی کلاس کینسل ہے، سر نے اسائنمنٹ اپلوڈ کرنے کا کہا ہے
B: آخری تاریخ کیا ہے؟
A: جمعہ رات بارہ بجے تک
C: [file:assignment_3.pdf]
"""),
dict(id="ur_neg_friends_argument", people={"A": "راحیل", "B": "شہباز"}, note="hard negative: friends argue about politics once, then cool down", fill=(4, 4), script="""
A: تمہاری پارٹی نے ملک کا بیڑا غرق کر دیا
B: اور تمہاری والی نے کیا کیا؟ تم بھی بس اندھے ہو
A: ہاہا چلو چھوڑو، شام کو چائے پر بات کرتے ہیں
B: ٹھیک ہے، ڈھابے پر سات بجے
"""),
dict(id="ur_neg_teacher_parent_meeting", people={"A": "کلاس ٹیچر", "B": "زارا کے والد"}, note="hard negative: teacher proposes a meeting with parent", fill=(0, 2), script="""
A: السلام علیکم، زارا کی پڑھائی کے بارے میں بات کرنی ہے
A: کیا آپ جمعرات کو اسکول آ سکتے ہیں؟ دس بجے
B: جی ضرور، میں آ جاؤں گا
"""),
dict(id="ur_neg_ngo_training", people={"A": "ساحل ٹیم", "B": "رضاکار فائزہ"}, note="hard negative: NGO discusses grooming warning signs for a workshop", fill=(0, 2), script="""
A: ورکشاپ میں بچوں کو بتانا ہے کہ اگر کوئی کہے "گھر والوں کو مت بتانا" یا تصویر مانگے تو یہ خطرے کی نشانی ہے
B: جی، اور بلیک میلنگ کی صورت میں ہیلپ لائن اور ایف آئی اے کا نمبر
A: بالکل، سلائیڈز کل تک بھیج دیں
"""),
]
CONVS += [
dict(id="ur_sexting_cousin", labels=["sexting"], people={"A": "کزن فہیم", "B": "ایمان"}, off="A", tgt="B",
     note="older cousin sends suggestive messages to 15yo and asks for a private photo", fill=(4, 2), script="""
A: آج شادی میں تم بہت اچھی لگ رہی تھیں
B: شکریہ
* A: وہ لال جوڑا پہن کر ایک تصویر بھیجو، صرف میرے لیے، دوپٹہ ہٹا کر
A: رات کو بات کریں گے، جو باتیں کسی اور سے نہیں کرتیں
B: مجھے ایسی باتیں اچھی نہیں لگتیں
A: شرماؤ مت، کزن ہوں، کوئی غیر نہیں
"""),
dict(id="ur_live_gaming_cam", labels=["livestreaming", "grooming"], people={"A": "گیمر بھائی", "B": "ریان"}, off="A", tgt="B",
     note="adult gamer pushes 11yo boy onto camera alone with rewards", fill=(6, 0), script="""
A: تمہیں نئی اسکن چاہیے؟ میں لے دوں گا
B: سچ میں؟
A: تم کتنے سال کے ہو؟
B: گیارہ
* A: بس ایک کام کرو، ڈسکارڈ پر کیمرہ آن کرو، کمرے کا دروازہ بند کر کے
A: کسی کو مت بتانا، ورنہ اسکن نہیں ملے گی
A: [call 0]
A: جلدی آن کرو
"""),
dict(id="ur_neg_colon_name_office", people={"A": "عامر: آفس", "B": "جمیل: آفس"}, note="hard negative: office colleagues, names with ':'", fill=(5, 5), script="""
A: کل میٹنگ نو بجے ہے
B: رپورٹ کی تصویر بھیج دیں
A: [image]
B: شکریہ، ٹھیک ہے
"""),
dict(id="ur_neg_hifz_dua", people={"A": "نانی اماں", "B": "عمر"}, note="hard negative: grandmother praises grandson and sends money", fill=(4, 4), script="""
A: میرے لعل کا آج رزلٹ آیا؟
B: جی نانی اماں، اے گریڈ
A: ماشاءاللہ! تمہارے لیے پانچ سو بھیج رہی ہوں، مٹھائی لے لینا
B: شکریہ نانی اماں، دعا کیجیے گا
"""),
]
CONVS += [
dict(id="ur_sexting_stranger_boy", labels=["sexting"], people={"A": "اجنبی", "B": "حسن"}, off="A", tgt="B",
     note="stranger asks 14yo boy sexual questions and for body photos", fill=(0, 0), script="""
A: ہیلو دوستی کرو گے؟
B: آپ کون
A: ایک دوست۔ تمہاری عمر؟
B: چودہ
* A: کبھی کسی لڑکی کے ساتھ کچھ کیا ہے؟ سب بتاؤ
A: شرٹ اتار کر تصویر بھیجو، دیکھوں کتنے فٹ ہو
B: نہیں
"""),
dict(id="ur_live_audition", labels=["livestreaming"], people={"A": "اسٹار ماڈلنگ ایجنسی", "B": "ماہا"}, off="A", tgt="B",
     note="fake agency demands private live video audition, parents excluded", fill=(0, 0), script="""
A: آپ کی تصویریں ہمیں پسند آئیں، ڈرامے میں کام مل سکتا ہے
B: سچ میں؟
* A: آج رات ویڈیو کال پر آڈیشن ہو گا، کمرے میں اکیلی ہونا، امی ابو کو ابھی مت بتانا
A: جو پوز ہم کہیں وہ کیمرے کے سامنے کرنے ہوں گے
A: دروازہ بند کر لینا تاکہ کوئی ڈسٹرب نہ کرے
"""),
dict(id="ur_neg_exam_group", people={"A": "مس ثمینہ", "B": "طالبات"}, title="میٹرک سائنس", note="hard negative: exam logistics with photo of date sheet", fill=(2, 5), script="""
A: ڈیٹ شیٹ آ گئی ہے
A: [image]
B: شکریہ مس، پریکٹیکل کب ہیں؟
A: اگلے مہینے، بعد میں بتاؤں گی
"""),
dict(id="ur_neg_mother_son_money", people={"A": "امی", "B": "بیٹا عثمان"}, note="hard negative: mother sends money, asks for bill photo", fill=(3, 3), script="""
A: فیس کے پیسے بھیج دیے ہیں
B: شکریہ امی
A: رسید کی تصویر بھیج دینا
B: [image]
A: ٹھیک ہے، خیال رکھنا
"""),
dict(id="ur_neg_friends_tease_girls", people={"A": "رمشا", "B": "ہما"}, note="hard negative: girls tease affectionately once", fill=(5, 5), script="""
A: تم پاگل ہو پوری
B: تمہاری دوست جو ہوں 😂
A: اچھا کل کالج آ رہی ہو؟
B: ہاں، تمہارے لیے سموسے لاؤں گی
"""),
dict(id="ur_neg_cousins_video_call", people={"A": "کزن حرا", "B": "انعم"}, note="hard negative: cousins video call for family gathering", fill=(4, 4), script="""
A: ویڈیو کال پر آؤ، سب خالہ کے گھر جمع ہیں
B: دو منٹ
B: [call 800]
A: نانی کو تمہیں دیکھ کر بہت خوشی ہوئی
"""),
]
