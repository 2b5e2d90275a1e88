# Urdu (Arabic script) positives.
CONVS = [
dict(id="ur_groom_neighbour", labels=["grooming"], people={"A": "عمران بھائی", "B": "فاطمہ"}, off="A", tgt="B",
     note="adult neighbour grooms 12yo: gifts, mobile load, alone probe, secrecy, meeting", fill=(6, 3), script="""
A: السلام علیکم فاطمہ، کیسی ہو؟
B: وعلیکم السلام ٹھیک ہوں
A: آج اسکول میں کیا پڑھا؟
B: انگلش اور سائنس
A: ماشاءاللہ تم تو بہت ذہین ہو
~1d
A: میں نے تمہارے نمبر پر سو روپے کا لوڈ کروایا ہے
B: شکریہ بھائی
* A: امی ابو کو مت بتانا، وہ خوامخواہ غصہ کریں گے
A: ویسے تم کتنے سال کی ہو؟ بارہ؟
B: جی بارہ
A: کل دوپہر گھر پر اکیلی ہو گی؟
B: امی نانی کے گھر جائیں گی
A: اچھا، میں تمہارے لیے چاکلیٹ لے کر آؤں گا۔ کسی کو بتانا نہیں، یہ ہمارا راز ہے
A: اور یہ میسج ڈیلیٹ کر دینا
"""),
dict(id="ur_groom_online_friend", labels=["grooming"], people={"A": "علی رضا", "B": "زینب 🌸"}, off="A", tgt="B",
     note="older online 'friend' builds trust over days, isolates, asks photo, moves to snapchat", fill=(8, 4), script="""
A: تم سے بات کر کے بہت اچھا لگتا ہے
B: مجھے بھی
A: تمہارے گھر والے تمہیں سمجھتے نہیں نا؟
B: ہاں ہر وقت ڈانٹتے رہتے ہیں
A: میں ہوں نا، تم مجھ سے ہر بات کر سکتی ہو
~fill 2
~2d
* A: تم کون سی کلاس میں ہو؟
B: ساتویں میں
A: اپنی سہیلیوں کو ہمارے بارے میں کچھ مت بتانا، وہ حسد کریں گی
A: اسنیپ چیٹ پر آ جاؤ، یہاں بات کرنا ٹھیک نہیں
A: اپنی ایک تصویر بھیجو نا، بغیر دوپٹے کے، صرف میرے لیے
B: نہیں مجھے ڈر لگتا ہے
A: ڈرو مت، میں کسی کو نہیں دکھاؤں گا۔ تم پر بھروسہ ہے
"""),
dict(id="ur_groom_tuition_sir", labels=["grooming"], people={"A": "سر کامران", "B": "حمزہ"}, off="A", tgt="B",
     note="tuition teacher grooms 13yo boy: praise, gifts, secrecy, meet alone at academy", fill=(5, 5), script="""
A: حمزہ آج تم نے بہت اچھا ٹیسٹ دیا
B: شکریہ سر
A: تم میرے سب سے اچھے شاگرد ہو
~2d
A: تمہیں نیا موبائل چاہیے تھا نا؟ میں دلا دوں گا
B: سچ میں سر؟
* A: ہاں، بس گھر پر کسی کو مت بتانا کہ سر نے دیا ہے
A: اتوار کو اکیڈمی آ جانا، اس دن کوئی اور نہیں ہوتا، صرف ہم دونوں
A: ابو سے کہنا کہ اضافی کلاس ہے
B: ٹھیک ہے سر
A: اور ہماری باتیں ڈیلیٹ کرتے رہنا
"""),
dict(id="ur_groom_cousin_adult", labels=["grooming"], people={"A": "+92 301 5550192", "B": "عائشہ"}, off="A", tgt="B",
     note="unknown adult number, flattery, age/location probing, gifts, meeting proposal", fill=(0, 2), script="""
A: ہیلو، آپ عائشہ ہیں نا؟ میں نے آپ کی تصویر فیس بک پر دیکھی
B: آپ کون؟
A: ایک دوست سمجھ لیں۔ آپ بہت پیاری ہیں
* A: آپ کی عمر کیا ہے؟ اور کہاں رہتی ہیں؟
B: چودہ سال، لاہور
A: میں بھی لاہور میں ہوں۔ آپ کو ایک اچھا سا گفٹ بھیجنا چاہتا ہوں، ایڈریس بتا دیں
A: گھر والوں کو بتانے کی ضرورت نہیں
A: کسی دن اسکول کے بعد ملتے ہیں، آئس کریم کھلاؤں گا
"""),
dict(id="ur_sextortion_money", labels=["sextortion"], people={"A": "نامعلوم", "B": "احمد"}, off="A", tgt="B",
     note="threat to share images, demands money via easypaisa, deadline", fill=(0, 0), script="""
A: [image]
A: یہ تصویر پہچانتے ہو؟
B: یہ آپ کے پاس کہاں سے آئی؟
* A: بیس ہزار روپے ایزی پیسہ کرو ورنہ یہ تصویریں تمہارے ابو اور پورے خاندان کو بھیج دوں گا
A: تمہارے اسکول کے گروپ میں بھی
B: پلیز ایسا مت کریں، میرے پاس اتنے پیسے نہیں
A: کل صبح دس بجے تک کا وقت ہے
A: پولیس کو بتایا تو فوراً وائرل کر دوں گا
"""),
dict(id="ur_sextortion_more_pics", labels=["sextortion"], people={"A": "کاشف", "B": "مریم"}, off="A", tgt="B",
     note="demands more images under threat of sending old ones to family", fill=(6, 0), script="""
A: جواب کیوں نہیں دے رہی؟
B: مجھے تم سے بات نہیں کرنی
A: تمہیں یاد ہے تم نے جو تصویریں بھیجی تھیں؟ وہ ابھی تک میرے پاس ہیں
* A: مزید تصویریں بھیجو ورنہ تمہارے بھائی کو سب بھیج دوں گا
B: تم نے وعدہ کیا تھا ڈیلیٹ کر دو گے
A: آج رات تک بھیجو، ورنہ فیس بک پر لگا دوں گا
A: اور کسی کو بتایا تو تمہاری بدنامی ہو گی
"""),
dict(id="ur_sextortion_video", labels=["sextortion"], people={"A": "سارہ خان", "B": "عثمان"}, off="A", tgt="B",
     note="recorded video call blackmail, demands money", fill=(3, 0), script="""
A: [video]
A: یہ ویڈیو دیکھ لو
* A: پچاس ہزار بھیجو، ورنہ یہ ویڈیو یوٹیوب پر ڈال دوں گی اور تمہارے سب فیس بک دوستوں کو بھیجوں گی
B: میں صرف سولہ سال کا ہوں، میرے پاس پیسے نہیں
A: اپنی امی سے لو، یا موبائل بیچ دو
A: دو گھنٹے ہیں تمہارے پاس
"""),
dict(id="ur_sexting_request", labels=["sexting"], people={"A": "فیصل", "B": "حنا"}, off="A", tgt="B",
     note="sexual talk and private picture requests, non-graphic", fill=(8, 2), script="""
A: کیا کر رہی ہو؟
B: کچھ نہیں، لیٹی ہوں
A: کیا پہنا ہوا ہے؟
* A: اپنی ایک ایسی تصویر بھیجو جو کسی اور کو نہ دکھائی ہو 😏
A: رات کو گندی باتیں کرتے ہیں، مزہ آئے گا
B: نہیں یہ ٹھیک نہیں
A: اتنی شریف مت بنو، سب کرتے ہیں
"""),
dict(id="ur_sexting_adult_minor", labels=["sexting", "grooming"], people={"A": "انکل جاوید", "B": "نور"}, off="A", tgt="B",
     note="adult asks 13yo about private things and for pictures in nightclothes", fill=(4, 0), script="""
A: میری گڑیا کیسی ہے
B: ٹھیک ہوں انکل
A: تم تیرہ سال کی ہو گئی نا؟ اب تو بڑی ہو گئی ہو
* A: کبھی کسی لڑکے نے تمہیں چھوا ہے؟ سچ بتاؤ
A: رات کے کپڑوں میں ایک تصویر بھیجو، صرف انکل کے لیے
A: امی کو بالکل نہیں بتانا، یہ ہماری خاص بات ہے
"""),
dict(id="ur_live_video_call", labels=["livestreaming"], people={"A": "بلال", "B": "ثنا"}, off="A", tgt="B",
     note="pressure onto video call alone, to perform, door closed", fill=(4, 2), script="""
A: ویڈیو کال کرو ابھی
B: ابھی نہیں، امی پاس ہیں
A: کمرے میں جا کر دروازہ بند کرو
* A: کیمرہ آن کرو اور جیسا میں کہوں ویسا کرو
A: [call 0]
A: فون اٹھاؤ
A: اگر کال نہیں اٹھائی تو میں ناراض ہو جاؤں گا، پھر کبھی بات نہیں کروں گا
B: اچھا دس منٹ
"""),
dict(id="ur_live_tiktok", labels=["livestreaming"], people={"A": "گفٹ کنگ", "B": "ایمن"}, off="A", tgt="B",
     note="live-stream viewer offers gifts for late-night live performance", fill=(0, 0), script="""
A: آپ کا لائیو بہت اچھا تھا
B: شکریہ
* A: آج رات بارہ بجے لائیو آؤ، جب گھر والے سو جائیں، میں بہت سارے گفٹ بھیجوں گا
A: وہ والا ڈانس کرنا جو میں کمنٹ میں بتاؤں
A: کیمرہ بیڈ کے اوپر سے رکھنا
B: امی کو پتہ چلا تو ڈانٹیں گی
A: ان کو پتہ نہیں چلے گا
"""),
dict(id="ur_bully_class_group", labels=["cyberbullying"], people={"A": "دانیال", "B": "سعد", "C": "طلحہ", "D": "ارسلان"}, off="A", offs=["B", "C"], tgt="D",
     title="نویں جماعت", note="group bullying: repeated insults at one boy", fill=(4, 0), script="""
* A: ارسلان تم جیسا بیوقوف پوری کلاس میں نہیں
B: موٹا ہاتھی 🐘
C: اس کی شکل دیکھو، الو جیسی
D: بس کرو یار
A: کوئی تمہیں پسند نہیں کرتا، گروپ سے نکل جاؤ
B: [image] دیکھو کیسے کھا رہا ہے
C: کل اسکول میں اس کی پھر بےعزتی کریں گے
A: مر جاؤ تو اچھا ہے
D: میں نے کیا کیا ہے تم لوگوں کا
"""),
dict(id="ur_bully_girl_repeated", labels=["cyberbullying"], people={"A": "ماہ نور", "B": "کرن"}, off="A", tgt="B",
     note="one bully, repeated messages over days at one girl", fill=(0, 0), script="""
* A: تم اتنی کالی ہو کہ تصویر میں نظر ہی نہیں آتی
B: کیوں ایسی باتیں کر رہی ہو
~1d
A: آج پھر وہی گھٹیا کپڑے پہن کر آئی تھی
A: سب تم پر ہنس رہے تھے
~1d
A: تمہاری کوئی دوست نہیں، کبھی سوچا کیوں؟
B: مجھے چھوڑ دو پلیز
A: نہیں، تم اسی لائق ہو، بدصورت
"""),
dict(id="ur_bully_fake_account", labels=["cyberbullying"], people={"A": "حقیقت_بتانے_والا", "B": "عدنان"}, off="A", tgt="B",
     note="fake account repeatedly humiliates and threatens a boy", fill=(0, 0), script="""
* A: عدنان تم ہکلے ہو، بولتے ہو تو سب ہنستے ہیں
~3h
A: تمہارے ابو کی دکان کا بھی سب کو پتہ ہے، غریب کہیں کا
B: تم ہو کون؟
~1d
A: کل تمہاری ویڈیو سب کو بھیجی جس میں تم گر گئے تھے
A: نالائق، کمینے
~1d
A: اسکول چھوڑ دو، یہاں تمہاری کوئی جگہ نہیں
"""),
dict(id="ur_groom_to_sextortion", labels=["grooming", "sextortion"], people={"A": "شاہ زیب", "B": "رابعہ"}, off="A", tgt="B",
     note="grooming (trust, secrecy, photo) escalates to sextortion", fill=(6, 0), script="""
A: تم میری سب سے اچھی دوست ہو
B: تم بھی
A: تم پندرہ کی ہو نا؟
B: ہاں
~fill 2
~2d
* A: ہماری دوستی کا گھر میں کسی کو مت بتانا
A: واٹس ایپ چھوڑو، ٹیلیگرام پر آ جاؤ
~2d
A: ایک تصویر بھیجو نا، دیکھوں تم کیسی لگتی ہو
B: [image]
~3d
A: اب وہ والی تصویریں بھیجو جو میں نے کہی تھیں
B: نہیں
*sextortion A: پھر تمہاری یہ تصویر تمہارے ابو کو بھیج دوں گا اور کہوں گا تم مجھ سے ملتی ہو
A: کل تک کا وقت ہے
"""),
dict(id="ur_live_groom", labels=["livestreaming", "grooming"], people={"A": "ریحان", "B": "علیزہ"}, off="A", tgt="B",
     note="adult wins trust of 12yo and pushes secret video calls", fill=(5, 2), script="""
A: تم کتنی سمجھدار ہو، بالکل بڑوں جیسی
A: کتنے سال کی ہو؟
B: بارہ
~fill 2
* A: رات کو جب سب سو جائیں تو مجھے ویڈیو کال کرنا، کسی کو پتہ نہ چلے
A: کمرے میں اکیلی ہونا
A: [call 0]
A: کیمرہ آن کرو، میں انتظار کر رہا ہوں
"""),
]
